package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import jsup.gateway.telegram.TelegramSettings.StreamMode;
import org.junit.jupiter.api.Test;

/** The bot token must never be written anywhere a person or a log collector could read it. */
class TokenSecrecyTest extends ChannelTestSupport {

    @Test
    void theTokenAppearsInNoLogLineStatusOrToString() {
        TelegramChannel wrongToken;
        TelegramChannel channel;
        try (LogCapture logs = new LogCapture("jsup.gateway.telegram")) {
            // A run that hits every logged path: conflicts, dropped connections, rate limits,
            // strangers, stickers, a failing router, long replies, the command menu, stop.
            fake.conflictNext(2).dropNext("getUpdates", 1).rateLimitNext("sendMessage", 1, 1).commandLimit(1);
            handler.replyWith(request -> switch (request.text()) {
                case "crash" -> throw new IllegalStateException("router bug");
                case "long" -> ReplyChunkerTest.longReply();
                default -> "echo: " + request.text();
            });
            channel = channel(settings(DmPolicy.ALLOWLIST, 4000, true));
            channel.start();
            fake.queueText(MALLORY, "stranger");
            fake.queueSticker(ALICE);
            fake.queueText(ALICE, "crash");
            fake.queueText(ALICE, "long");
            fake.queueText(ALICE, "short");
            fake.awaitTexts(ALICE, 5);

            // A token Telegram does not know: rejected, retried, logged.
            String unknown = "5550001:AAunknownTokenUnknownTokenUnknown12345";
            sleeper = new RecordingSleeper(Duration.ofMillis(20));
            wrongToken = new TelegramChannel(new TelegramSettings(true, unknown, DmPolicy.OPEN, Set.of(), StreamMode.BLOCK,
                    4000, false, fake.apiRoot()), handler, stateDir.resolve("other"), FAST, sleeper);
            wrongToken.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sleeper.waits().size() >= 2);
            String wrongTokenError = wrongToken.status().lastError();
            wrongToken.stop(Duration.ofSeconds(1));
            channel.stop(Duration.ofSeconds(1));

            List<String> lines = logs.lines();
            assertThat(lines).as("the scenario logged its failures")
                    .anyMatch(l -> l.contains("409"))
                    .anyMatch(l -> l.contains("429"))
                    .anyMatch(l -> l.contains("BOT_COMMANDS_TOO_MUCH"))
                    .anyMatch(l -> l.contains("401 Unauthorized"))
                    .anyMatch(l -> l.contains("router bug"))
                    .anyMatch(l -> l.contains("user id 6666"));
            assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(TOKEN).doesNotContain(SECRET)
                    .doesNotContain(unknown).doesNotContain(unknown.substring(unknown.indexOf(':') + 1)));
            assertThat(wrongTokenError).contains("401").doesNotContain(unknown.substring(unknown.indexOf(':') + 1));
        }
        for (String text : List.of(channel.toString(), channel.status().toString(), wrongToken.toString(),
                settings(DmPolicy.OPEN, 4000, true).toString())) {
            assertThat(text).doesNotContain(SECRET);
        }
    }
}
