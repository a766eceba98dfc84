package jsup.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.config.CommandSettings;
import jsup.gateway.config.CustomCommand;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.config.GatewaySettings;
import jsup.gateway.config.LiveConfig;
import jsup.gateway.model.ChatCompletionsClient;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelRouter;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.ops.NoSupervisorLink;
import jsup.gateway.ops.SupervisorLink;
import jsup.gateway.telegram.TelegramSettings;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatRouterTest {

    private static final long OPERATOR = 876311493L;

    private FakeModelServer fake;
    private LiveConfig live;
    private final List<String> restarts = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = FakeModelServer.start();
        live = new LiveConfig(config(false, 4));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private GatewayConfig config(boolean restart, int history) {
        return config(restart, history, GatewaySettings.defaults());
    }

    private GatewayConfig config(boolean restart, int history, GatewaySettings gateway) {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        providers.put("local", new ProviderSettings("local", fake.baseUrl(), null));
        ModelSettings models = new ModelSettings(List.of(ModelRef.parse("local/a"), ModelRef.parse("local/b")), Map.of(), providers,
                history, Duration.ofSeconds(2));
        TelegramSettings telegram = new TelegramSettings(true, "123456:AAtokenForRouterTests_0123456789ab",
                TelegramSettings.DmPolicy.OPEN, Set.of(OPERATOR), TelegramSettings.StreamMode.BLOCK, 4000, false,
                TelegramSettings.DEFAULT_API_ROOT);
        return new GatewayConfig(Path.of("/etc/moltbot/moltbot.json"), gateway, telegram, new CommandSettings(restart),
                models);
    }

    private ChatRouter router(SupervisorLink link) {
        StatusSource status = new StatusSource() {
            @Override
            public Duration uptime() {
                return Duration.ofSeconds(3725);
            }

            @Override
            public List<String> componentLines() {
                return List.of("Telegram: polling as @testbot");
            }
        };
        return new ChatRouter(live, new ModelRouter(new ChatCompletionsClient(Duration.ofSeconds(1))), new ChatSessions(10), link,
                restarts::add, status);
    }

    private static ChatRequest telegram(long user, String text) {
        return new ChatRequest("telegram", Long.toString(user), Long.toString(user), "someone", text);
    }

    @Test
    void restartIsRefusedUnlessEnabled() {
        ChatRouter router = router(NoSupervisorLink.notConnected());

        ChatReply refused = router.handle(telegram(OPERATOR, "/restart"));

        assertThat(refused.text()).isEqualTo("⚠️ /restart is disabled. Set commands.restart to true in /etc/moltbot/moltbot.json to enable it.");
        assertThat(restarts).isEmpty();

        live.replace(config(true, 4));
        assertThat(router.handle(telegram(42L, "/restart")).text()).contains("only for the users listed");
        assertThat(restarts).isEmpty();

        ChatReply accepted = router.handle(telegram(OPERATOR, "/restart"));
        assertThat(accepted.text()).startsWith("⚙️ Restarting the gateway").contains("its supervisor starts it again");
        assertThat(restarts).containsExactly("telegram user " + OPERATOR);
    }

    @Test
    void statusShowsUptimeTheChainAndWhetherJsupdAnswers() {
        String withoutJsupd = router(NoSupervisorLink.notConnected()).handle(telegram(OPERATOR, "/status")).text();
        assertThat(withoutJsupd).contains("up 1h 2m").contains("Model chain: local/a -> local/b").contains("Telegram: polling as @testbot")
                .contains("/restart: disabled").contains("jsupd: not reachable (this gateway has no connection to jsupd's control socket)");

        String withJsupd = router(new RecordingSupervisorLink(Map.of())).handle(telegram(OPERATOR, "/status")).text();
        assertThat(withJsupd).contains("Supervised apps (jsupd):\nname             status   restarts\nmoltbot-gateway  online   0");
    }

    @Test
    void logsNeedAnAllowlistedUserAndJsupd() {
        assertThat(router(NoSupervisorLink.notConnected()).handle(telegram(OPERATOR, "/logs web")).text())
                .contains("Cannot read the logs of web").contains("jsupd is not reachable").contains("jsup logs web");

        ChatRouter router = router(new RecordingSupervisorLink(Map.of("web", List.of("one", "two", "three"))));
        assertThat(router.handle(telegram(42L, "/logs web")).text()).contains("only for the users listed");
        assertThat(router.handle(telegram(OPERATOR, "/logs web 2")).text()).isEqualTo("Logs of web:\ntwo\nthree");
        assertThat(router.handle(telegram(OPERATOR, "/logs")).text()).startsWith("Usage: /logs <app>");
        assertThat(router.handle(telegram(OPERATOR, "/logs nope")).text()).contains("no app named nope");
    }

    @Test
    void operatorCommandsOverTheWebNeedTheGatewayTokenAndTheChatStaysOpen() {
        fake.answer("a", "hello from a");
        live.replace(config(true, 4));
        ChatRouter router = router(new RecordingSupervisorLink(Map.of("web", List.of("one", "two", "three"))));

        String logs = router.handle(web("/logs web 1")).text();
        assertThat(logs).startsWith("⚠️ /logs over the web chat or the HTTP API needs the gateway token, and none is set.")
                .contains("Set gateway.auth.token in /etc/moltbot/moltbot.json").contains("jsup logs <app>")
                .doesNotContain("three");
        assertThat(router.handle(web("/restart")).text()).startsWith("⚠️ /restart over the web chat or the HTTP API needs the gateway token");
        assertThat(restarts).isEmpty();
        assertThat(router.handle(web("hi")).text()).as("the chat itself stays open on loopback").isEqualTo("hello from a");

        // With a token, the HTTP server has refused every request without it: what reaches the router is authenticated.
        live.replace(config(true, 4, new GatewaySettings(0, GatewaySettings.LOOPBACK, "gateway-token-0123")));
        assertThat(router.handle(web("/logs web 1")).text()).isEqualTo("Logs of web:\nthree");
        assertThat(router.handle(web("/restart")).text()).startsWith("⚙️ Restarting the gateway");
        assertThat(restarts).containsExactly("web user s1");
    }

    @Test
    void logsOfEveryAppAskForOneAppInstead() {
        ChatRouter router = router(new RecordingSupervisorLink(Map.of("web", List.of("one"))));
        for (String word : List.of("all", "default", "ALL")) {
            assertThat(router.handle(telegram(OPERATOR, "/logs " + word)).text())
                    .startsWith("/logs shows one app at a time: /logs <app> [lines]").contains("/status lists the supervised apps")
                    .doesNotContain("no app named");
        }
    }

    @Test
    void logLinesAreRedactedLikeTheGatewaysOwnLog() {
        ChatRouter router = router(new RecordingSupervisorLink(Map.of("api", List.of(
                "connecting with DB_PASSWORD=hunter2-secret-value",
                "GET /export?token=abc123def456&page=2",
                "calling with sk-appkey0123456789abcdef",
                "plain line"))));
        String text = router.handle(telegram(OPERATOR, "/logs api")).text();
        assertThat(text).doesNotContain("hunter2").doesNotContain("abc123def456").doesNotContain("sk-appkey0123456789abcdef")
                .contains("DB_PASSWORD=***").contains("token=***&page=2").contains("plain line");
    }

    @Test
    void customCommandsAnswerFromTheirTextOrPromptAndFollowTheBuiltInsInTheMenu() {
        fake.answer("a", "model answer");
        List<CustomCommand> custom = new ArrayList<>(List.of(
                new CustomCommand("backup", "Git backup", "Backups run nightly at 03:00.", null),
                new CustomCommand("summary", "Summarise the day", null, "Summarise what happened today."),
                new CustomCommand("deploy", "Ask about a deploy", null, null)));
        for (int i = 0; i < 100; i++) {
            custom.add(new CustomCommand("c" + i, "custom " + i, "c" + i, null));
        }
        GatewayConfig base = config(false, 4);
        live.replace(new GatewayConfig(base.source(), base.gateway(), base.telegram(), new CommandSettings(false, custom), base.models()));
        ChatRouter router = router(NoSupervisorLink.notConnected());

        assertThat(router.handle(telegram(OPERATOR, "/backup")).text()).isEqualTo("Backups run nightly at 03:00.");
        assertThat(router.handle(telegram(OPERATOR, "/summary only errors")).text()).isEqualTo("model answer");
        assertThat(fake.requests().get(0).lastUserMessage()).isEqualTo("Summarise what happened today.\n\nonly errors");
        assertThat(router.handle(telegram(OPERATOR, "/deploy@testbot now")).text()).isEqualTo("model answer");
        assertThat(fake.requests().get(1).lastUserMessage()).as("no prompt: what was typed goes to the model").isEqualTo("/deploy@testbot now");
        assertThat(router.handle(telegram(OPERATOR, "/c99")).text()).as("left out of the menu, still answers").isEqualTo("c99");
        assertThat(router.handle(telegram(OPERATOR, "/nope")).text()).startsWith("Unknown command /nope");

        assertThat(router.commands()).hasSize(100);
        assertThat(router.commands().subList(0, 6)).isEqualTo(ChatRouter.COMMANDS);
        assertThat(router.commands().get(6).command()).isEqualTo("backup");
        assertThat(router.commands().get(99).command()).isEqualTo("c90");
        assertThat(router.handle(telegram(OPERATOR, "/help")).text()).contains("/backup - Git backup");
    }

    private static ChatRequest web(String text) {
        return new ChatRequest("web", "s1", "s1", "web", text);
    }

    @Test
    void modelIsPickedPerChatAndNewForgetsTheConversation() {
        fake.answer("a", "from a").answer("b", "from b");
        ChatRouter router = router(NoSupervisorLink.notConnected());

        assertThat(router.handle(telegram(1, "/model")).text()).contains("1. local/a (primary)").contains("2. local/b");
        assertThat(router.handle(telegram(1, "/model 2")).text()).contains("now asks local/b first");
        assertThat(router.handle(telegram(1, "hello")).text()).isEqualTo("from b");
        assertThat(router.handle(telegram(2, "hello")).text()).as("another chat keeps the default").isEqualTo("from a");
        assertThat(router.handle(telegram(1, "/model nonsense")).text()).contains("not one of the configured models");
        assertThat(router.handle(telegram(1, "/model default")).text()).contains("automatic");
        assertThat(router.handle(telegram(1, "again")).text()).isEqualTo("from a");

        assertThat(fake.requests().get(fake.requests().size() - 1).contents()).containsExactly("hello", "from b", "again");
        router.handle(telegram(1, "/new"));
        router.handle(telegram(1, "fresh"));
        assertThat(fake.requests().get(fake.requests().size() - 1).contents()).containsExactly("fresh");
    }

    @Test
    void historyIsBoundedByTheConfiguredLimit() {
        fake.answer("a", "ok");
        ChatRouter router = router(NoSupervisorLink.notConnected());
        for (int i = 1; i <= 5; i++) {
            router.handle(telegram(1, "message " + i));
        }
        assertThat(fake.requests().get(4).contents()).containsExactly("message 3", "ok", "message 4", "ok", "message 5");
    }

    @Test
    void helpListsEveryCommandAndUnknownCommandsSaySo() {
        ChatRouter router = router(NoSupervisorLink.notConnected());
        String help = router.handle(telegram(1, "/help")).text();
        for (var c : router.commands()) {
            assertThat(help).contains("/" + c.command() + " - ");
        }
        assertThat(router.handle(telegram(1, "/think")).text()).isEqualTo("Unknown command /think. /help lists the commands.");
        assertThat(fake.requests()).as("commands never reach a model").isEmpty();
    }
}
