package jsup.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.reload.ConfigFileWatcher;
import jsup.gateway.testing.CapturedLog;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {

    private static final String KEY = "sk-gateway-test-key-0123456789abcdef";

    @TempDir
    Path dir;

    private Path config;
    private final List<Gateway> started = new ArrayList<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private FakeModelServer fake;
    private CapturedLog log;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("moltbot.json");
        fake = FakeModelServer.start();
        log = CapturedLog.open();
    }

    @AfterEach
    void tearDown() {
        started.forEach(g -> g.stop(Duration.ZERO));
        fake.close();
        log.close();
    }

    private GatewayOptions options() {
        return new GatewayOptions(new ConfigLocation(config, true, dir)).environment(Map.of()).lockDir(dir.resolve("locks"))
                .lockWait(Duration.ofMillis(200)).pollPeriod(Duration.ofMillis(100)).debounce(Duration.ofMillis(50))
                .restartDelay(Duration.ofMillis(50)).exit(exits::add);
    }

    private Gateway start(GatewayOptions options) throws StartupException {
        Gateway g = Gateway.start(options);
        started.add(g);
        return g;
    }

    private String fakeConfig(String extra) {
        return ConfigFiles.withFakeProvider(fake.baseUrl().toString(), KEY, "fake/m/a", "[\"fake/m/b\"]", extra);
    }

    @Test
    void withNoKeyAndNoTokenTheWebChatAnswersOffline() throws Exception {
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 } }");
        Gateway gateway = start(options());
        HttpCalls http = new HttpCalls(gateway.port(), null);

        HttpResponse<String> health = http.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.json(health).path("status").asText()).isEqualTo("live");
        HttpResponse<String> ready = http.get("/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        HttpResponse<String> page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<title>jsup gateway chat</title>").contains("assets/chat.js");

        assertThat(http.chat("hello")).startsWith("[offline: no model connected]").contains("no model is configured");
        assertThat(http.chat("/status")).contains("Model chain: none configured (offline replies)").contains("Telegram: disabled")
                .contains("Config reload: watching");
        assertThat(http.post("/api/chat", "{\"nope\": 1}").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/chat").statusCode()).isEqualTo(405);
        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(log.linesWith("listening on http://127.0.0.1:" + gateway.port())).hasSize(1);
    }

    @Test
    void readyzListsWhatIsNotUpUntilItIs() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ConfigFiles.write(config, ConfigFiles.withFakeProvider("http://127.0.0.1:" + closed + "/v1", KEY, "fake/m/a", "[]",
                "\"channels\": { \"telegram\": { \"botToken\": \"123456:AAreadyzTestToken_0123456789abcdef\","
                        + " \"apiRoot\": \"http://127.0.0.1:" + closed + "\", \"allowFrom\": [1] } }"));
        Gateway gateway = start(options().modelCheckTimeout(Duration.ofMillis(500)).modelRecheckPeriod(Duration.ofMillis(200)));
        HttpCalls http = new HttpCalls(gateway.port(), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> r = http.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(HttpCalls.json(r).path("notReady").toString()).contains("telegram: ").contains("models: cannot list models of fake");
        });
        assertThat(http.get("/healthz").statusCode()).as("alive even when not ready").isEqualTo(200);
    }

    @Test
    void readyzTurnsGreenOnceAModelIsConfirmed() throws Exception {
        fake.answer("m/a", "hi");
        ConfigFiles.write(config, fakeConfig(""));
        Gateway gateway = start(options());
        HttpCalls http = new HttpCalls(gateway.port(), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/readyz").statusCode()).isEqualTo(200));
        assertThat(http.chat("hello")).isEqualTo("hi");
        assertThat(log.linesWith("model fake/m/b is not offered by provider fake")).hasSize(1);
    }

    @Test
    void aTokenGuardsEveryRequest() throws Exception {
        String token = "gateway-token-for-tests-0123";
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0, \"auth\": { \"token\": \"" + token + "\" } } }");
        Gateway gateway = start(options());
        HttpCalls anonymous = new HttpCalls(gateway.port(), null);
        HttpCalls wrong = new HttpCalls(gateway.port(), "wrong-token-0000");
        HttpCalls right = new HttpCalls(gateway.port(), token);

        for (String path : List.of("/", "/healthz", "/readyz", "/api/status")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(right.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.post("/api/chat", "{\"message\":\"hi\"}").statusCode()).isEqualTo(401);
        assertThat(right.chat("hi")).startsWith("[offline");
        assertThat(anonymous.get("/?token=" + token).statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/").body()).doesNotContain(token);
    }

    @Test
    void aNonLoopbackBindWithoutATokenIsRefused() {
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0, \"bind\": \"lan\" } }");
        assertThatThrownBy(() -> start(options())).isInstanceOfSatisfying(StartupException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(e.getMessage()).contains("gateway.auth.token: required when gateway.bind listens beyond this machine");
        });
    }

    @Test
    void restartRepliesFirstThenExitsWithTheRestartCodeOnlyWhenEnabled() throws Exception {
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 } }");
        Gateway gateway = start(options());
        HttpCalls http = new HttpCalls(gateway.port(), null);

        assertThat(http.chat("/restart")).startsWith("⚠️ /restart is disabled. Set commands.restart to true");
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 }, \"commands\": { \"restart\": true } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.config().commands().restart());
        assertThat(http.chat("/restart")).as("no gateway token: anyone on this machine could send it")
                .startsWith("⚠️ /restart over the web chat or the HTTP API needs the gateway token");
        assertThat(http.chat("/logs web")).startsWith("⚠️ /logs over the web chat or the HTTP API needs the gateway token");
        assertThat(exits).isEmpty();

        String token = "restart-test-gateway-token-0123";
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0, \"auth\": { \"token\": \"" + token + "\" } },"
                + " \"commands\": { \"restart\": true } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.config().gateway().hasToken());
        assertThat(new HttpCalls(gateway.port(), token).chat("/restart")).startsWith("⚙️ Restarting the gateway");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exits).containsExactly(ExitCodes.RESTART));
        assertThat(log.linesWith("jsupd not reachable", "exiting with code 75")).hasSize(1);
    }

    @Test
    void aValidReloadAppliesAndAnInvalidOneKeepsTheOldConfigServing() throws Exception {
        fake.answer("m/a", "from a").answer("m/c", "from c");
        ConfigFiles.write(config, fakeConfig(""));
        Gateway gateway = start(options());
        HttpCalls http = new HttpCalls(gateway.port(), null);
        assertThat(gateway.reloadMode()).isEqualTo(ConfigFileWatcher.Mode.WATCHING);
        assertThat(http.chat("hello")).isEqualTo("from a");

        ConfigFiles.write(config, ConfigFiles.withFakeProvider(fake.baseUrl().toString(), KEY, "fake/m/c", "[]", ""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.chat("hello")).isEqualTo("from c"));
        assertThat(log.linesWith("config reloaded from", "changed models/agents")).hasSize(1);

        ConfigFiles.write(config, "{ \"gateway\": { \"port\": \"not a port\" }, \"agents\": ");
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.linesWith("config reload rejected", "not valid JSON").isEmpty());
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 }, \"commands\": { \"restart\": \"yes\" } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.linesWith("config reload rejected", "commands.restart").isEmpty());

        assertThat(http.chat("hello again")).as("the old config still serves").isEqualTo("from c");
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(gateway.config().models().chain().get(0).toString()).isEqualTo("fake/m/c");
    }

    @Test
    void aFailingWatchFallsBackToPollingAndReloadStillWorks() throws Exception {
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 } }");
        Gateway gateway = start(options().watchOpener(d -> {
            throw new IOException("User limit of inotify watches reached");
        }));
        HttpCalls http = new HttpCalls(gateway.port(), null);
        assertThat(gateway.reloadMode()).isEqualTo(ConfigFileWatcher.Mode.POLLING);
        assertThat(http.chat("/status")).contains("Config reload: polling every 100 ms (cannot watch " + dir
                + ": User limit of inotify watches reached)");

        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 }, \"commands\": { \"restart\": true } }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.chat("/status")).contains("/restart: enabled"));
    }

    @Test
    void aTakenPortEndsTheStartWith69NamingTheHolder() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ConfigFiles.write(config, "{ \"gateway\": { \"port\": " + taken.getLocalPort() + " } }");
            assertThatThrownBy(() -> start(options())).isInstanceOfSatisfying(StartupException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCodes.INSTANCE_RUNNING);
                assertThat(e.getMessage()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use by pid "
                        + ProcessHandle.current().pid());
            });
        }
        try (var locks = Files.walk(dir.resolve("locks"))) {
            assertThat(locks.filter(p -> p.toString().endsWith(".lock"))).as("the lock is released after a failed start").isEmpty();
        }
    }

    @Test
    void aSecondGatewayOnTheSameConfigEndsWith69NamingTheFirst() throws Exception {
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 0 } }");
        Gateway first = start(options());
        assertThatThrownBy(() -> start(options())).isInstanceOfSatisfying(StartupException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.INSTANCE_RUNNING);
            assertThat(e.getMessage()).contains("gateway already running: pid " + ProcessHandle.current().pid())
                    .contains("lock timeout after 200ms");
        });
        assertThat(first.lockFile()).as("a refused second start leaves the first one's lock in place").exists();
        first.stop(Duration.ZERO);
        assertThat(start(options()).lockFile()).as("taken again once the first has stopped").exists();
    }

    @Test
    void stopLetsAReplyInFlightFinishThenReleasesTheLock() throws Exception {
        fake.slow("m/a", Duration.ofMillis(800), "worth the wait");
        ConfigFiles.write(config, ConfigFiles.withFakeProvider(fake.baseUrl().toString(), KEY, "fake/m/a", "[]", ""));
        Gateway gateway = start(options());
        HttpCalls http = new HttpCalls(gateway.port(), null);
        Path lock = gateway.lockFile();
        assertThat(lock).exists();

        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> http.chat("slow question"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !fake.requests().isEmpty());
        gateway.stop(Gateway.SHUTDOWN_GRACE);

        assertThat(inFlight.get()).isEqualTo("worth the wait");
        assertThat(lock).doesNotExist();
    }
}
