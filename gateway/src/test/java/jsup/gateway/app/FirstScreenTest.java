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
import java.util.concurrent.CountDownLatch;
import jsup.gateway.testing.BrowserPage;
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

    /**
     * The page in a real headless Chromium, over the DevTools protocol: the side panel shows what
     * {@code /api/status} says, a reply shows as pending until the model answers, every message has
     * a time, and the token leaves the address bar. With {@code -Djsup.gateway.screenshot=<png>} it
     * also writes the screenshot docs/gateway.md shows (taken while the second reply is pending).
     */
    @Test
    void inHeadlessChromiumThePageShowsStatusCommandsAPendingReplyAndTimes() throws Exception {
        Files.createDirectories(dir.resolve("chromium"));
        HeadlessChromium chromium = HeadlessChromium.find(dir.resolve("chromium").resolve("profile")).orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium); .ci/run installs it");
        CountDownLatch release = new CountDownLatch(1);
        models.held("m/a", release, "Disk use on web-1 is 41 %; nothing to do.");
        HttpCalls http = start(ConfigFiles.withFakeProvider(models.baseUrl().toString(), KEY, "fake/m/a", "[]", CUSTOM)
                .replace("\"gateway\": { \"port\": 0 }", "\"gateway\": { \"port\": 0, \"auth\": { \"token\": \"" + TOKEN + "\" } }"), TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(http).path("models").path("connected").asBoolean());
        URI page = URI.create("http://127.0.0.1:" + started.get(0).port() + "/?token=" + TOKEN);

        try (BrowserPage browser = chromium.open(page, 1200, 820)) {
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> browser.eval("document.body && document.body.dataset.status").equals("loaded"));
                assertThat(browser.eval("location.href")).as("the token leaves the address bar").doesNotContain(TOKEN);
                assertThat(browser.eval("document.querySelector('header').innerText")).contains("Model: connected").contains("Telegram: off");
                assertThat(browser.eval("document.getElementById('status').innerText"))
                        .contains("Connected").contains("primary fake/m/a")
                        .contains("Off: no bot token").contains("TELEGRAM_BOT_TOKEN")
                        .contains("/help").contains("/backup").contains("When the backups run")
                        .contains("/logs").contains("(operator)");

                send(browser, "/backup");
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval("document.querySelectorAll('.msg.bot').length").equals("1"));
                assertThat(browser.eval("document.querySelector('.msg.bot').innerText")).contains("Nightly at 03:00.");

                send(browser, "How full is the disk on web-1?");
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval("document.querySelectorAll('.msg.pending').length").equals("1"));
                assertThat(browser.eval("document.querySelector('.msg.pending').innerText")).contains("Waiting for the reply");
                String screenshot = System.getProperty("jsup.gateway.screenshot", "");
                if (!screenshot.isBlank()) {
                    Files.write(Path.of(screenshot), browser.screenshot());
                }
            } finally {
                release.countDown();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval("document.querySelectorAll('.msg.pending').length").equals("0"));
            assertThat(browser.eval("document.querySelectorAll('.msg.bot')[1].innerText")).contains("Disk use on web-1 is 41 %");
            assertThat(browser.eval("document.querySelectorAll('.msg').length")).isEqualTo("4");
            assertThat(browser.eval("Array.from(document.querySelectorAll('.msg')).every(m => m.querySelector('time[datetime]') !== null)"))
                    .as("every message has its time").isEqualTo("true");
        }
    }

    private static void send(BrowserPage browser, String message) throws IOException {
        browser.eval("(() => { document.getElementById('text').value = " + HttpCalls.JSON.valueToTree(message)
                + "; document.getElementById('form').requestSubmit(); return 'sent'; })()");
    }
}
