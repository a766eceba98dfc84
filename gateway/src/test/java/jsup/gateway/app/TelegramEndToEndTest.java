package jsup.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.telegram.FakeTelegramApi;
import jsup.gateway.testing.CapturedLog;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway between a fake Telegram Bot API and a fake model provider, both on 127.0.0.1. */
class TelegramEndToEndTest {

    private static final long OWNER = 876311493L;
    private static final long STRANGER = 555000111L;
    private static final String MODEL_KEY = "sk-or-v1-e2e-model-key-0123456789abcdef";
    private static final String GATEWAY_TOKEN = "e2e-gateway-token-0123456789";

    @TempDir
    Path dir;

    private FakeTelegramApi telegram;
    private FakeModelServer models;
    private CapturedLog log;
    private Gateway gateway;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        telegram = FakeTelegramApi.start();
        models = FakeModelServer.start().requireKey(MODEL_KEY);
        log = CapturedLog.open();
        config = dir.resolve("moltbot.json");
        Files.writeString(dir.resolve(".env"), "GATEWAY_TOKEN=" + GATEWAY_TOKEN + "\n");
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.stop(Duration.ZERO);
        }
        log.close();
        models.close();
        telegram.close();
    }

    private String config(int chunkLimit) {
        return """
                {
                  "gateway": { "port": 0, "auth": { "token": "${GATEWAY_TOKEN}" } },
                  "channels": { "telegram": { "enabled": true, "botToken": "${TELEGRAM_BOT_TOKEN}", "apiRoot": "%s",
                                              "dmPolicy": "allowlist", "allowFrom": [%d], "textChunkLimit": %d,
                                              "commands": { "native": true } } },
                  "agents": { "defaults": { "model": { "primary": "fake/m/leaky", "fallbacks": ["fake/m/busy", "fake/m/good"] },
                                            "timeoutSeconds": 30 } },
                  "models": { "providers": { "fake": { "baseUrl": "%s", "apiKey": "%s" } } }
                }
                """.formatted(telegram.apiRoot(), OWNER, chunkLimit, models.baseUrl(), MODEL_KEY);
    }

    private Gateway startGateway() throws StartupException {
        gateway = Gateway.start(new GatewayOptions(new ConfigLocation(config, true, dir))
                .environment(Map.of("TELEGRAM_BOT_TOKEN", telegram.token())).lockDir(dir.resolve("locks"))
                .lockWait(Duration.ofMillis(200)).debounce(Duration.ofMillis(50)).pollPeriod(Duration.ofMillis(100)));
        return gateway;
    }

    @Test
    void telegramAndTheWebChatShareOneRouterAndNoSecretReachesAnyLogLine() throws Exception {
        models.echoesAuthorization("m/leaky").rateLimited("m/busy").answer("m/good", "from the good model");
        ConfigFiles.write(config, config(4000));
        startGateway();
        HttpCalls web = new HttpCalls(gateway.port(), GATEWAY_TOKEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(web.get("/readyz").statusCode()).as(() -> web.get("/readyz").body()).isEqualTo(200));
        // The menu is sent by the channel's own start-up, which /readyz does not wait for.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(telegram.menu()).containsExactly("help", "status", "model", "new", "restart", "logs"));

        telegram.queueText(STRANGER, "hello, who are you?");
        telegram.queueText(OWNER, "hello");
        assertThat(telegram.awaitTexts(OWNER, 1)).containsExactly("from the good model");
        telegram.awaitAllConfirmed();
        telegram.assertNothingSentTo(STRANGER);
        models.assertModelsTried("m/leaky", "m/busy", "m/good");
        models.assertEveryRequestCarried("Bearer " + MODEL_KEY);

        assertThat(web.chat("hello from the browser")).isEqualTo("from the good model");
        telegram.queueText(OWNER, "/restart");
        assertThat(telegram.awaitTexts(OWNER, 2).get(1)).startsWith("⚠️ /restart is disabled");
        telegram.queueText(OWNER, "/status");
        assertThat(telegram.awaitTexts(OWNER, 3).get(2)).contains("Telegram: polling as @").contains("fake/m/leaky -> fake/m/busy");

        // A rejected reload names the bad key, never its value.
        ConfigFiles.write(config, config(4000).replace("${TELEGRAM_BOT_TOKEN}", "${TELEGRAM_BOT_TOKEN} " + MODEL_KEY));
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.linesWith("config reload rejected", "channels.telegram.botToken").isEmpty());
        // A valid one that touches the Telegram section restarts the channel, which then still answers once per message.
        ConfigFiles.write(config, config(3000));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.config().telegram().textChunkLimit() == 3000);
        telegram.queueText(OWNER, "still there?");
        assertThat(telegram.awaitTexts(OWNER, 4).get(3)).isEqualTo("from the good model");
        assertThat(log.linesWith("restarting the Telegram channel")).hasSize(1);

        gateway.stop(Duration.ofSeconds(2));
        List<String> lines = log.lines();
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(log.text()).contains("upstream rejected key Bearer ***");
        for (String secret : List.of(MODEL_KEY, telegram.token(), GATEWAY_TOKEN)) {
            assertThat(lines).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
        }
        assertThat(telegram.textsSentTo(OWNER)).noneMatch(t -> t.contains(MODEL_KEY));
    }

    @Test
    void aGatewayRestartedBetweenUpdatesAnswersNothingTwice() throws Exception {
        models.answer("m/leaky", "first life").answer("m/busy", "unused").answer("m/good", "unused");
        ConfigFiles.write(config, config(4000));
        startGateway();
        telegram.queueText(OWNER, "one");
        assertThat(telegram.awaitTexts(OWNER, 1)).containsExactly("first life");
        telegram.awaitAllConfirmed();
        gateway.stop(Duration.ofSeconds(2));

        models.answer("m/leaky", "second life");
        telegram.redeliverConfirmedOnNextPoll();
        startGateway();
        telegram.queueText(OWNER, "two");
        assertThat(telegram.awaitTexts(OWNER, 2)).containsExactly("first life", "second life");
        telegram.awaitAllConfirmed();
        assertThat(telegram.textsSentTo(OWNER)).hasSize(2);
    }
}
