package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import org.junit.jupiter.api.Test;

class CommandMenuTest extends ChannelTestSupport {

    private static List<BotCommandInfo> commands(int count) {
        return IntStream.range(0, count).mapToObj(i -> new BotCommandInfo("skill_" + i, "Skill number " + i)).toList();
    }

    private List<Integer> menuSizesSent() {
        return fake.calls("setMyCommands").stream().map(c -> c.params().path("commands").size()).toList();
    }

    @Test
    void aHundredAndFiftyCommandsAreCutToAHundredWithAWarning() {
        handler.commands(commands(150));
        try (LogCapture logs = new LogCapture("jsup.gateway.telegram")) {
            started(settings(DmPolicy.ALLOWLIST, 4000, true));

            assertThat(menuSizesSent()).containsExactly(100);
            assertThat(fake.menu()).hasSize(100).startsWith("skill_0", "skill_1").endsWith("skill_99");
            assertThat(logs.lines()).anyMatch(l -> l.startsWith("WARN The command menu has 150 entries but Telegram allows 100"));
        }
    }

    @Test
    void botCommandsTooMuchIsRetriedWithEightyPercentUntilAccepted() {
        fake.commandLimit(50);
        handler.commands(commands(150));

        started(settings(DmPolicy.ALLOWLIST, 4000, true));

        assertThat(menuSizesSent()).containsExactly(100, 80, 64, 51, 40);
        assertThat(fake.menu()).hasSize(40).startsWith("skill_0").endsWith("skill_39");
    }

    @Test
    void whenNothingIsAcceptedThereIsNoMenuAndPollingGoesOn() {
        fake.commandLimit(0);
        handler.commands(commands(3));

        started(settings(DmPolicy.ALLOWLIST, 4000, true));

        assertThat(menuSizesSent()).containsExactly(3, 2, 1);
        assertThat(fake.menu()).isEmpty();
        fake.queueText(ALICE, "/help");
        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: /help");
    }

    @Test
    void withNativeCommandsOffNothingIsSent() {
        handler.commands(commands(5));
        started(settings(DmPolicy.ALLOWLIST, 4000, false));
        fake.queueText(ALICE, "hi");
        fake.awaitTexts(ALICE, 1);

        fake.assertNoCallsOf("setMyCommands");
        fake.assertNoCallsOf("deleteMyCommands");
    }

    @Test
    void anEmptyMenuIsClearedWithDeleteMyCommands() {
        handler.commands(List.of());

        started(settings(DmPolicy.ALLOWLIST, 4000, true));

        fake.assertCallsStartWith("getMe", "deleteWebhook", "deleteMyCommands", "getUpdates");
        fake.assertNoCallsOf("setMyCommands");
    }

    @Test
    void entriesTelegramWouldRejectAreLeftOutInsteadOfLosingTheWholeMenu() {
        List<BotCommandInfo> menu = new ArrayList<>();
        menu.add(new BotCommandInfo("/help", "With a slash, which Telegram does not take"));
        menu.add(new BotCommandInfo("Status", "Upper case"));
        menu.add(new BotCommandInfo("model", ""));
        menu.add(new BotCommandInfo("help", "A duplicate"));
        menu.add(new BotCommandInfo("new", "x".repeat(300)));
        handler.commands(menu);

        started(settings(DmPolicy.ALLOWLIST, 4000, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> !fake.menu().isEmpty());
        assertThat(fake.menu()).containsExactly("help", "new");
        assertThat(fake.calls("setMyCommands").get(0).params().path("commands").get(1).path("description").asText())
                .hasSize(256);
    }
}
