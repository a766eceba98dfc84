package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.metrics.PrometheusTextParser;
import jsup.supervisor.metrics.PrometheusTextParser.Family;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * jsupd's web listener end to end: one real jsupd for the class, real apps, real HTTP on 127.0.0.1
 * (a raw client, so the Host header can be anything). The last test restarts the daemon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsupdWebTest {

    @TempDir
    static Path tmp;

    private static DaemonFixture fx;
    private static int port;
    private static String token;

    @BeforeAll
    static void startDaemonWithTheListener() throws Exception {
        fx = new DaemonFixture(tmp);
        fx.start();
        port = freePort();
        JsonNode status = fx.call("web", DaemonFixture.args().put("action", "enable").put("port", port));
        assertThat(status.path("listening").asBoolean()).isTrue();
        assertThat(status.path("url").asText()).isEqualTo("http://127.0.0.1:" + port);
        token = Files.readString(fx.home.dir().resolve("web.token")).trim();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    @Order(1)
    void scrapeParsesStrictlyAndAgreesWithListJson() throws Exception {
        // Crashes once (a marker file), then writes a line to each stream and waits in one process.
        Path marker = tmp.resolve("crashed-once");
        Path script = fx.script("figures", "if [ ! -e " + marker + " ]; then touch " + marker + "; exit 3; fi\n"
                + "echo hello\necho oops >&2\nexec sleep 100000");
        Path file = fx.ecosystem("figures.json", DaemonFixture.app("figures", script,
                "\"max_memory_restart\": \"300M\", \"memory_check_interval\": 100, \"restart_delay\": 0"));
        fx.call("start", DaemonFixture.args().put("file", file.toString()));
        await().atMost(DaemonFixture.WAIT).until(() -> {
            JsonNode m = listed("figures").path("metrics");
            return m.path("up").asInt() == 1 && m.path("memory_bytes").asLong() > 0
                    && m.path("log_bytes_total").path("err").asLong() == 5 && m.path("threads").asInt() == 1;
        });
        fx.call("restart", DaemonFixture.args().put("target", "figures"));
        await().atMost(DaemonFixture.WAIT).until(() -> {
            JsonNode m = listed("figures").path("metrics");
            return m.path("up").asInt() == 1 && m.path("threads").asInt() == 1
                    && m.path("log_bytes_total").path("err").asLong() == 10;
        });
        JsonNode m = listed("figures").path("metrics");
        Reply reply = get("/metrics", "127.0.0.1:" + port, token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header()).contains("text/plain; version=0.0.4");
        Map<String, Family> scraped = PrometheusTextParser.parse(reply.body());
        Map<String, String> app = Map.of("name", "figures", "namespace", "default");
        assertThat(value(scraped, "jsup_app_up", app)).isEqualTo(1);
        assertThat(value(scraped, "jsup_app_status", Map.of("name", "figures", "status", "online"))).isEqualTo(1);
        assertThat(value(scraped, "jsup_app_restarts_total", Map.of("name", "figures", "reason", "crash")))
                .isEqualTo(1).isEqualTo(m.path("restarts_total").path("crash").asDouble());
        assertThat(value(scraped, "jsup_app_restarts_total", Map.of("name", "figures", "reason", "manual")))
                .isEqualTo(1).isEqualTo(m.path("restarts_total").path("manual").asDouble());
        assertThat(value(scraped, "jsup_app_last_restart_timestamp_seconds", app))
                .isEqualTo(m.path("last_restart_timestamp_seconds").asDouble());
        assertThat(value(scraped, "jsup_app_start_time_seconds", app))
                .isEqualTo(m.path("start_time_seconds").asDouble());
        assertThat(value(scraped, "jsup_app_memory_limit_bytes", app)).isEqualTo(300.0 * 1024 * 1024)
                .isEqualTo(m.path("memory_limit_bytes").asDouble());
        assertThat(value(scraped, "jsup_app_memory_bytes", app)).isPositive()
                .isEqualTo(m.path("memory_bytes").asDouble());
        assertThat(value(scraped, "jsup_app_threads", app)).isEqualTo(1).isEqualTo(m.path("threads").asDouble());
        assertThat(value(scraped, "jsup_app_open_fds", app)).isPositive().isEqualTo(m.path("open_fds").asDouble());
        assertThat(value(scraped, "jsup_app_cpu_seconds_total", app)).isEqualTo(m.path("cpu_seconds_total").asDouble());
        // Two runs wrote "hello\n" and "oops\n" each.
        assertThat(value(scraped, "jsup_log_bytes_total", Map.of("name", "figures", "stream", "out"))).isEqualTo(12)
                .isEqualTo(m.path("log_bytes_total").path("out").asDouble());
        assertThat(value(scraped, "jsup_log_bytes_total", Map.of("name", "figures", "stream", "err"))).isEqualTo(10);
        assertThat(value(scraped, "process_open_fds", Map.of())).isPositive();
        assertThat(value(scraped, "jsup_daemon_apps", Map.of())).isEqualTo(1);
        // What Prometheus asks for first: OpenMetrics, from the same client.
        Reply openMetrics = rawGet("/metrics", "127.0.0.1:" + port, token,
                "Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5\r\n");
        assertThat(openMetrics.header()).contains("application/openmetrics-text; version=1.0.0");
        assertThat(openMetrics.body()).contains("# TYPE jsup_app_restarts counter\n").endsWith("# EOF\n");
        // describe carries them too; a plain list (the table) does not pay for them.
        JsonNode described = fx.call("describe", DaemonFixture.args().put("target", "figures")).path("apps").get(0);
        assertThat(described.path("metrics").path("restarts_total").path("crash").asInt()).isEqualTo(1);
        assertThat(fx.call("list", null).path("apps").get(0).has("metrics")).isFalse();
    }

    @Test
    @Order(2)
    void everyRouteNeedsTheTokenAndAHostOfItsOwn() throws Exception {
        String host = "127.0.0.1:" + port;
        assertThat(get("/metrics", host, null).status()).isEqualTo(401);
        assertThat(get("/metrics", host, null).header()).containsIgnoringCase("WWW-Authenticate: Bearer");
        assertThat(get("/metrics", host, "0".repeat(64)).status()).isEqualTo(401);
        assertThat(get("/healthz", host, null).status()).isEqualTo(401);
        assertThat(get("/healthz", host, token).body()).isEqualTo("ok\n");
        assertThat(get("/nothing", host, token).status()).isEqualTo(404);
        assertThat(get("/nothing", host, null).status()).isEqualTo(401);
        Reply rebound = get("/metrics", "attacker.example:" + port, token);
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).contains("attacker.example");
        assertThat(get("/metrics", "localhost:" + port, token).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void metricsAndHealthzBecomePublicOnlyByTheSetting() throws Exception {
        Path settings = fx.home.dir().resolve("jsupd.json");
        Files.writeString(settings, Files.readString(settings).replace("\"public\" : [ ]",
                "\"public\" : [ \"/metrics\", \"/healthz\" ]"));
        fx.call("web", DaemonFixture.args().put("action", "enable"));
        String host = "127.0.0.1:" + port;
        assertThat(get("/metrics", host, null).status()).isEqualTo(200);
        assertThat(get("/healthz", host, null).status()).isEqualTo(200);
        assertThat(get("/nothing", host, null).status()).isEqualTo(401);
        Files.writeString(settings, Files.readString(settings).replace("\"/metrics\", \"/healthz\"", ""));
        fx.call("web", DaemonFixture.args().put("action", "enable"));
        assertThat(get("/metrics", host, null).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void aStalledClientNeitherBlocksAScrapeNorKeepsItsConnection() throws Exception {
        try (Socket stalled = new Socket()) {
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            stalled.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: 127.0".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            // Served while the other client holds its worker (the read timeout is longer than this bound).
            Reply reply = CompletableFuture.supplyAsync(() -> get("/metrics", "127.0.0.1:" + port, token))
                    .get(2, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            stalled.setSoTimeout((int) DaemonFixture.WAIT.toMillis());
            // The server gives up on it when its head's time is up: 408, then the end of the stream.
            String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    @Order(5)
    void badValuesAreRefusedNamingThemAndTheListenerStays() throws Exception {
        assertThatThrownBy(() -> fx.call("web", DaemonFixture.args().put("action", "enable").put("bind", "0.0.0.0")))
                .isInstanceOf(ControlException.class).hasMessageContaining("0.0.0.0 is reachable from other machines");
        assertThatThrownBy(() -> fx.call("web", DaemonFixture.args().put("action", "enable").put("port", "http")))
                .hasMessageContaining("port \"http\" is not a TCP port");
        assertThat(fx.call("web", DaemonFixture.args().put("action", "status")).path("port").asInt()).isEqualTo(port);
    }

    @Test
    @Order(6)
    void theSettingSurvivesARestartAndDisableTakesEffectAtOnce() throws Exception {
        fx.call("delete", DaemonFixture.args().put("target", "all"));
        fx.call("kill", null);
        // The old jsupd deletes its pid file just before it lets go of its lock: start once it has.
        await().atMost(DaemonFixture.WAIT).ignoreException(AlreadyRunningException.class).until(() -> {
            fx.start();
            return true;
        });
        assertThat(get("/healthz", "127.0.0.1:" + port, token).status()).isEqualTo(200);
        JsonNode off = fx.call("web", DaemonFixture.args().put("action", "disable"));
        assertThat(off.path("listening").asBoolean()).isFalse();
        assertThatThrownBy(() -> rawGet("/healthz", "127.0.0.1:" + port, token)).isInstanceOf(ConnectException.class);
        assertThat(Files.readString(fx.home.dir().resolve("jsupd.json"))).contains("\"enabled\" : false");
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode listed(String name) throws ControlException {
        for (JsonNode a : fx.call("list", DaemonFixture.args().put("metrics", true)).path("apps")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no app " + name);
    }

    private static double value(Map<String, Family> m, String family, Map<String, String> labels) {
        assertThat(m).containsKey(family);
        return m.get(family).samples().stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError(family + labels + " missing")).value();
    }

    record Reply(int status, String header, String body) {
    }

    private static Reply get(String path, String host, String bearer) {
        try {
            return rawGet(path, host, bearer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One HTTP/1.1 GET with {@code Connection: close}, read to the end. */
    private static Reply rawGet(String path, String host, String bearer) throws IOException {
        return rawGet(path, host, bearer, "");
    }

    private static Reply rawGet(String path, String host, String bearer, String moreHeaders) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + moreHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String header = text.substring(0, split);
            String body = text.substring(split + 4);
            if (header.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Reply(Integer.parseInt(header.substring(9, 12)), header, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
