package jsup.healthmon.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", ex -> answer(ex, 200, "{\"status\":\"ready\"}"));
        server.createContext("/broken", ex -> answer(ex, 500, "boom"));
        server.createContext("/slow", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, "late");
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/ok");
            answer(ex, 302, "");
        });
        server.createContext("/elsewhere", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + port() + "/ok");
            answer(ex, 302, "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void passesOn2xxByDefault() {
        ProbeResult r = new HttpProbe(url("/ok"), Set.of(), null).check(Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("HTTP 200");
    }

    @Test
    void failsOn500() {
        ProbeResult r = new HttpProbe(url("/broken"), Set.of(), null).check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("HTTP 500");
    }

    @Test
    void anExpectedStatusSetReplaces2xx() {
        assertThat(new HttpProbe(url("/broken"), Set.of(500), null).check(Duration.ofSeconds(30)).ok()).isTrue();
        assertThat(new HttpProbe(url("/ok"), Set.of(204), null).check(Duration.ofSeconds(30)).ok()).isFalse();
    }

    @Test
    void checksTheBodyWhenAsked() {
        assertThat(new HttpProbe(url("/ok"), Set.of(), "ready").check(Duration.ofSeconds(30)).ok()).isTrue();
        ProbeResult r = new HttpProbe(url("/ok"), Set.of(), "healthy").check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("HTTP 200 body does not contain \"healthy\": {\"status\":\"ready\"}");
    }

    @Test
    void timesOutOnASlowAnswer() {
        ProbeResult r = new HttpProbe(url("/slow"), Set.of(), null).check(Duration.ofMillis(300));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("timed out after 300ms");
        // The server holds the answer for 60 s: anything well below proves the probe gave up on its own.
        assertThat(r.latency()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void followsRedirectsOnTheSameHostOnly() {
        assertThat(new HttpProbe(url("/moved"), Set.of(), "ready").check(Duration.ofSeconds(30)).ok()).isTrue();
        ProbeResult r = new HttpProbe(url("/elsewhere"), Set.of(), null).check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("HTTP 302 redirect to http://127.0.0.2:").endsWith("not followed (other host)");
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProbeResult r = new HttpProbe(URI.create("http://127.0.0.1:" + port + "/"), Set.of(), null)
                .check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("connection refused");
    }

    @Test
    void rejectsANonHttpUrl() {
        assertThatThrownBy(() -> new HttpProbe(URI.create("ftp://127.0.0.1/x"), Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://127.0.0.1/x");
    }

    @Test
    void aPasswordInTheUrlNeverAppearsInTheProbesName() {
        URI url = URI.create("http://admin:s3cr%40t@127.0.0.1:8080/healthz?full=1");
        assertThat(new HttpProbe(url, Set.of(), null).describe())
                .isEqualTo("http http://admin:••••@127.0.0.1:8080/healthz?full=1");
        assertThat(new jsup.healthmon.ProbeSpec.Http(url, Set.of(), null).describe()).doesNotContain("s3cr");
        assertThat(HttpProbe.shown(URI.create("http://admin@127.0.0.1/"))).isEqualTo("http://admin@127.0.0.1/");
        assertThat(HttpProbe.shown(URI.create("http://127.0.0.1:18789/"))).isEqualTo("http://127.0.0.1:18789/");
    }
}
