package jsup.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.telegram.FakeTelegramApi;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import jsup.gateway.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 8: what the web chat's first screen shows, from {@code GET /api/status} (model and
 * Telegram connected or how to connect them, the commands, no secrets), and in a real headless
 * Chromium.
 */
class FirstScreenTest {

    private static final String KEY = "sk-first-screen-key-0123456789abcdef";
    private static final String TOKEN = "first-screen-gateway-token-0123456789";
    private static final String CUSTOM = "\"channels\": { \"telegram\": { \"enabled\": false, \"customCommands\": [ "
            + "{ \"command\": \"backup\", \"description\": \"When the backups run\", \"reply\": \"Nightly at 03:00.\" } ] } }";

    @TempDir
    Path dir;

    private Path config;
    private final List<Gateway> started = new ArrayList<>();
    private FakeModelServer models;
    private FakeTelegramApi telegram;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("moltbot.json");
        models = FakeModelServer.start();
    }

    @AfterEach
    void tearDown() {
        started.forEach(g -> g.stop(Duration.ZERO));
        models.close();
        if (telegram != null) {
            telegram.close();
        }
    }

    private HttpCalls start(String json, String token) throws StartupException {
        ConfigFiles.write(config, json);
        Gateway g = Gateway.start(new GatewayOptions(new ConfigLocation(config, true, dir)).environment(Map.of())
                .lockDir(dir.resolve("locks")).lockWait(Duration.ofMillis(200)).pollPeriod(Duration.ofMillis(100))
                .debounce(Duration.ofMillis(50)).modelCheckTimeout(Duration.ofSeconds(5)).modelRecheckPeriod(Duration.ofMillis(200)));
        started.add(g);
        return new HttpCalls(g.port(), token);
    }

    private static JsonNode status(HttpCalls http) {
        HttpResponse<String> r = http.get("/api/status");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HttpCalls.json(r);
    }

    @Test
    void withNothingConfiguredItSaysHowToConnectAModelAndTelegramAndListsTheCommands() throws Exception {
        HttpCalls http = start("{ \"gateway\": { \"port\": 0 }, " + CUSTOM + " }", null);
        JsonNode s = status(http);

        JsonNode model = s.path("models");
        assertThat(model.path("connected").asBoolean()).isFalse();
        assertThat(model.path("state").asText()).isEqualTo("not configured");
        assertThat(model.path("howToConnect").asText()).contains("agents.defaults.model").contains(config.toString())
                .contains("OPENROUTER_API_KEY");
        assertThat(model.path("docs").asText()).contains("docs/gateway.md");

        JsonNode tg = s.path("channels").path("telegram");
        assertThat(tg.path("connected").asBoolean()).isFalse();
        assertThat(tg.path("howToConnect").asText()).contains("TELEGRAM_BOT_TOKEN").contains("channels.telegram.allowFrom");

        assertThat(s.path("commands").findValuesAsText("command")).startsWith("/help", "/status", "/model", "/new", "/restart", "/logs")
                .endsWith("/backup");
        JsonNode logs = s.path("commands").get(5);
        assertThat(logs.path("operator").asBoolean()).isTrue();
        assertThat(s.path("commands").get(0).path("operator").asBoolean()).isFalse();
        assertThat(s.path("commands").get(6).path("custom").asBoolean()).isTrue();
        assertThat(s.path("operatorCommands").path("allowed").asBoolean()).isFalse();
        assertThat(s.path("operatorCommands").path("howToAllow").asText()).contains("gateway.auth.token").contains("?token=");
    }

    @Test
    void aConnectedModelAndTelegramShowAsConnected() throws Exception {
        models.answer("m/a", "hi");
        telegram = FakeTelegramApi.start();
        HttpCalls http = start(ConfigFiles.withFakeProvider(models.baseUrl().toString(), KEY, "fake/m/a", "[]",
                "\"channels\": { \"telegram\": { \"botToken\": \"" + telegram.token() + "\", \"apiRoot\": \"" + telegram.apiRoot()
                        + "\", \"allowFrom\": [1] } }"), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode s = status(http);
            assertThat(s.path("models").path("connected").asBoolean()).as(s.toString()).isTrue();
            assertThat(s.path("channels").path("telegram").path("connected").asBoolean()).as(s.toString()).isTrue();
        });
        JsonNode s = status(http);
        assertThat(s.path("models").path("state").asText()).isEqualTo("connected");
        assertThat(s.path("models").path("detail").asText()).isEqualTo("primary fake/m/a");
        assertThat(s.path("models").has("howToConnect")).isFalse();
        assertThat(s.path("channels").path("telegram").path("bot").asText()).isNotBlank();
        assertThat(s.path("channels").path("telegram").has("howToConnect")).isFalse();
        assertThat(s.toString()).as("no secret, no allowlisted user id").doesNotContain(KEY).doesNotContain(telegram.token())
                .doesNotContain(telegram.token().substring(telegram.token().indexOf(':') + 1)).doesNotContain(models.baseUrl().toString());
    }

    @Test
    void aProviderThatRefusesTheKeyShowsAsFailingAndAMissingKeyNamesItsVariable() throws Exception {
        models.requireKey("sk-another-key-the-provider-wants-000000");
        HttpCalls failing = start(ConfigFiles.withFakeProvider(models.baseUrl().toString(), KEY, "fake/m/a", "[]", ""), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(failing).path("models").path("state").asText())
                .isEqualTo("failing"));
        JsonNode model = status(failing).path("models");
        assertThat(model.path("connected").asBoolean()).isFalse();
        assertThat(model.path("detail").asText()).contains("cannot list models of fake").contains("401");
        assertThat(model.path("howToConnect").asText()).contains("models status --config");
        started.remove(0).stop(Duration.ZERO);

        HttpCalls noKey = start(ConfigFiles.withFakeProvider("https://models.example.invalid/v1", null, "fake/m/a", "[]", ""), null);
        JsonNode offline = status(noKey).path("models");
        assertThat(offline.path("state").asText()).isEqualTo("no key");
        assertThat(offline.path("howToConnect").asText()).contains("models.providers.fake.apiKey or FAKE_API_KEY");
    }

    @Test
    void withAGatewayTokenTheStatusNeedsItShowsNoSecretAndAllowsOperatorCommands() throws Exception {
        HttpCalls http = start(ConfigFiles.withFakeProvider(models.baseUrl().toString(), KEY, "fake/m/a", "[]", "")
                .replace("\"gateway\": { \"port\": 0 }", "\"gateway\": { \"port\": 0, \"auth\": { \"token\": \"" + TOKEN + "\" } }"), TOKEN);
        assertThat(new HttpCalls(started.get(0).port(), null).get("/api/status").statusCode()).isEqualTo(401);
        JsonNode s = status(http);
        assertThat(s.path("operatorCommands").path("allowed").asBoolean()).isTrue();
        assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain(KEY);
    }

    @Test
    void headlessChromiumShowsTheModelTelegramAndCommandsFromTheStatus() throws Exception {
        Files.createDirectories(dir.resolve("chromium"));
        HeadlessChromium chromium = HeadlessChromium.find(dir.resolve("chromium").resolve("profile")).orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium); .ci/run installs it");
        HttpCalls http = start("{ \"gateway\": { \"port\": 0 }, " + CUSTOM + " }", null);
        URI page = URI.create("http://127.0.0.1:" + started.get(0).port() + "/");

        String dom = chromium.dumpDom(page);

        assertThat(dom).contains("data-status=\"loaded\"");
        assertThat(dom).contains("Not connected: no model configured").contains("agents.defaults.model")
                .contains("Off: no bot token").contains("TELEGRAM_BOT_TOKEN")
                .contains("data-command=\"/help\"").contains("data-command=\"/backup\"").contains("When the backups run")
                .contains("(operator: needs the gateway token)").contains("Model: not configured").contains("Telegram: off");

        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }
}
