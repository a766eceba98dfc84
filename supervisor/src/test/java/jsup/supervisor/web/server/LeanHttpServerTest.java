package jsup.supervisor.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server on real sockets on 127.0.0.1 (port 0), one server per test, its own handlers. */
class LeanHttpServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ServerLimits FAST = new ServerLimits(3, 2_000, 600, 2_000, 10_000, 500, 256, 512, 20);

    private HttpServer server;
    private final CountDownLatch streamEnded = new CountDownLatch(1);
    private final CountDownLatch streamOpen = new CountDownLatch(1);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private InetSocketAddress start(ServerLimits limits) throws IOException {
        server = LeanHttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8, limits);
        server.createContext("/", LeanHttpServerTest::echo);
        server.createContext("/sse", this::stream);
        server.createContext("/big", this::endless);
        server.start();
        return server.getAddress();
    }

    /** Answers the method, path and body it got, with a length (or chunked for ?chunked). */
    static void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        byte[] reply = (ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
                + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        boolean chunked = "chunked".equals(ex.getRequestURI().getQuery());
        ex.sendResponseHeaders(200, chunked ? 0 : reply.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!"HEAD".equals(ex.getRequestMethod())) {
                out.write(reply, 0, 3);
                out.flush();
                out.write(reply, 3, reply.length - 3);
            }
        }
    }

    /** An SSE stream that writes until its client or the server goes away. */
    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; ; i++) {
                out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                streamOpen.countDown();
                Thread.sleep(20); // the event source's pace, not a test's wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streamEnded.countDown();
        }
    }

    /** Writes until a write fails: the client never reads. */
    private void endless(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(200, 0);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = ex.getResponseBody()) {
            while (true) {
                out.write(block);
            }
        } finally {
            streamEnded.countDown();
        }
    }

    @Test
    void keepAliveCarriesRequestsOneAfterAnotherOnOneConnection() throws Exception {
        InetSocketAddress a = start(ServerLimits.DEFAULT);
        try (RawClient c = new RawClient(a)) {
            c.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nPOST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            RawClient.Response one = c.read();
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.body()).isEqualTo("GET /one ");
            assertThat(one.headers()).containsKey("date").doesNotContainKey("connection");
            assertThat(c.read().body()).isEqualTo("POST /two hello");
            RawClient.Response head = c.send("HEAD /three HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertThat(head.headers()).containsEntry("content-length", "12");
            RawClient.Response last = c.send("GET /four HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertThat(last.headers()).containsEntry("connection", "close");
            assertThat(c.readByte()).isEqualTo(-1);
        }
    }

    @Test
    void chunkedBodiesBothWaysAndExpectContinue() throws Exception {
        InetSocketAddress a = start(ServerLimits.DEFAULT);
        try (RawClient c = new RawClient(a)) {
            RawClient.Response r = c.send("POST /c?chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n").read();
            assertThat(r.headers()).containsEntry("transfer-encoding", "chunked").doesNotContainKey("content-length");
            assertThat(r.body()).isEqualTo("POST /c abcde");
            // The 100 Continue comes when the handler reads the body, then the answer.
            c.send("PUT /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(100);
            assertThat(c.send("ok").read().body()).isEqualTo("PUT /e ok");
        }
    }

    @Test
    void aClientDrippingItsHeadIsCutAtTheDeadlineWhileAnotherIsServed() throws Exception {
        InetSocketAddress a = start(FAST);
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (RawClient slow = new RawClient(a); RawClient quick = new RawClient(a)) {
            byte[] head = ("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "y".repeat(200) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            int[] sent = {0};
            long began = System.nanoTime();
            drip.scheduleAtFixedRate(() -> { // a byte every 50 ms: each read alone would be well within time
                try {
                    slow.socket.getOutputStream().write(head[sent[0]++]);
                } catch (IOException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            assertThat(quick.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("GET /fast ");
            RawClient.Response cut = slow.read();
            long tookMillis = (System.nanoTime() - began) / 1_000_000;
            assertThat(cut.status()).isEqualTo(408);
            assertThat(sent[0]).isLessThan(head.length); // cut by the deadline, not by a read's own timeout
            assertThat(tookMillis).isGreaterThanOrEqualTo(FAST.headMillis()).isLessThan(WAIT.toMillis());
            assertThat(slow.readByte()).isEqualTo(-1);
        } finally {
            drip.shutdownNow();
        }
    }

    @Test
    void aClientThatStopsReadingIsCutAtTheWriteDeadline() throws Exception {
        InetSocketAddress a = start(FAST);
        try (RawClient c = new RawClient(a)) {
            c.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n"); // and never reads
            assertThat(streamEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void oversizedOrMalformedHeadsAreRefusedWithTheirStatus() throws Exception {
        // Room for more connections than FAST: a refused one frees its slot just after the client reads it.
        InetSocketAddress a = start(new ServerLimits(32, 2_000, 600, 2_000, 10_000, 500, 256, 512, 20));
        try (RawClient c = new RawClient(a)) {
            assertThat(c.send("GET /" + "a".repeat(300) + " HTTP/1.1\r\n\r\n").read().status()).isEqualTo(414);
        }
        try (RawClient c = new RawClient(a)) {
            assertThat(c.send("GET / HTTP/1.1\r\nX-Big: " + "b".repeat(600) + "\r\n\r\n").read().status())
                    .isEqualTo(431);
        }
        try (RawClient c = new RawClient(a)) {
            RawClient.Response r = c.send("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.headers()).containsEntry("connection", "close");
        }
        try (RawClient c = new RawClient(a)) {
            assertThat(c.send("GET / HTTP/2.0\r\n\r\n").read().status()).isEqualTo(505);
        }
        try (RawClient c = new RawClient(a)) {
            assertThat(c.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n").read().status())
                    .isEqualTo(501);
        }
    }

    @Test
    void pastItsConnectionsItAnswers503AndServesAgainOnceOneCloses() throws Exception {
        InetSocketAddress a = start(FAST); // 3 connections at most
        RawClient[] held = new RawClient[3];
        try {
            for (int i = 0; i < held.length; i++) {
                held[i] = new RawClient(a);
                assertThat(held[i].send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
            try (RawClient extra = new RawClient(a)) {
                RawClient.Response r = extra.read();
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.body()).contains("3 connections");
            }
            held[0].close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (RawClient again = new RawClient(a)) {
                    assertThat(again.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                }
            });
        } finally {
            for (RawClient c : held) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    @Test
    void stopEndsAnOpenEventStreamAndItsHandlerPromptly() throws Exception {
        InetSocketAddress a = start(ServerLimits.DEFAULT);
        try (RawClient c = new RawClient(a)) {
            c.send("GET /sse HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.line()).startsWith("HTTP/1.1 200");
            assertThat(streamOpen.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            long began = System.nanoTime();
            server.stop(0);
            server = null;
            assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(WAIT.toMillis());
            assertThat(streamEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            c.socket.setSoTimeout((int) WAIT.toMillis());
            int b;
            do {
                b = c.readByte(); // what was sent before the stop, then the end of the stream
            } while (b >= 0);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("jsupd-web-accept"));
    }

    @Test
    void aClientThatLeavesEndsItsEventStream() throws Exception {
        InetSocketAddress a = start(ServerLimits.DEFAULT);
        try (RawClient c = new RawClient(a)) {
            c.send("GET /sse HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(streamOpen.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(streamEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
}
