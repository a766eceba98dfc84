package jsup.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket's framing and error handling, on a real Unix-domain socket, with a handler
 * that answers {@code echo}, {@code barrier} (returns once two calls are inside at the same time),
 * {@code hang} (waits for the test) and {@code boom} (throws).
 */
class ControlServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private ControlServer server;
    private final CyclicBarrier twoInside = new CyclicBarrier(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void startServer() throws IOException {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        server = ControlServer.start(ControlProtocol.socketPath(home), request -> {
            switch (request.cmd()) {
                case "echo":
                    return request.args();
                case "barrier":
                    try {
                        twoInside.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new ControlException(ErrorCode.INTERNAL, "barrier not reached: " + e);
                    }
                    return JSON.createObjectNode().put("met", true);
                case "hang":
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return JSON.createObjectNode();
                case "boom":
                    throw new IllegalStateException("kaput");
                default:
                    throw new ControlException(ErrorCode.UNKNOWN_COMMAND, "unknown command " + request.cmd());
            }
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
        server.close();
    }

    @Test
    void socketIsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ControlProtocol.socketPath(home))))
                .isEqualTo("rw-------");
    }

    @Test
    void clientCallReturnsResultAndEchoesArguments() throws Exception {
        try (ControlClient c = ControlClient.connect(home)) {
            JsonNode r = c.call("echo", ControlClient.args().put("target", "web").put("n", 3));
            assertThat(r.get("target").asText()).isEqualTo("web");
            assertThat(r.get("n").asInt()).isEqualTo(3);
            assertThat(r.has("cmd")).isFalse();
            assertThat(c.call("echo", null).size()).isZero();
        }
    }

    @Test
    void garbageOversizedAndUnknownRequestsGetErrorsAndTheConnectionLivesOn() throws Exception {
        try (RawConnection raw = new RawConnection()) {
            JsonNode garbage = raw.exchange("this is not json");
            assertThat(garbage.get("ok").asBoolean()).isFalse();
            assertThat(garbage.at("/error/code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(garbage.get("v").asInt()).isEqualTo(ControlProtocol.VERSION);

            assertThat(raw.exchange("[1,2]").at("/error/code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(raw.exchange("{\"v\":1,\"id\":\"a\"}").at("/error/message").asText()).contains("cmd");

            JsonNode version = raw.exchange("{\"v\":99,\"id\":\"x\",\"cmd\":\"echo\"}");
            assertThat(version.at("/error/code").asText()).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(version.get("id").asText()).isEqualTo("x");

            JsonNode unknown = raw.exchange("{\"v\":1,\"id\":7,\"cmd\":\"fly\"}");
            assertThat(unknown.at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
            assertThat(unknown.get("id").asInt()).isEqualTo(7);

            String huge = "{\"v\":1,\"cmd\":\"echo\",\"pad\":\"" + "x".repeat(ControlProtocol.MAX_REQUEST_BYTES) + "\"}";
            JsonNode tooLarge = raw.exchange(huge);
            assertThat(tooLarge.at("/error/code").asText()).isEqualTo("TOO_LARGE");

            JsonNode internal = raw.exchange("{\"v\":1,\"cmd\":\"boom\"}");
            assertThat(internal.at("/error/code").asText()).isEqualTo("INTERNAL");
            assertThat(internal.at("/error/message").asText()).contains("kaput");

            // After all that, the same connection still answers a good request.
            JsonNode good = raw.exchange("{\"v\":1,\"id\":\"g\",\"cmd\":\"echo\",\"a\":1}");
            assertThat(good.get("ok").asBoolean()).isTrue();
            assertThat(good.at("/result/a").asInt()).isEqualTo(1);
        }
        try (ControlClient c = ControlClient.connect(home)) {
            assertThat(c.call("echo", ControlClient.args().put("still", "alive")).get("still").asText())
                    .isEqualTo("alive");
        }
    }

    @Test
    void aLineThatNeverEndsGetsTooLargeBeforeItsNewline() throws Exception {
        try (RawConnection raw = new RawConnection()) {
            raw.write("x".repeat(ControlProtocol.MAX_REQUEST_BYTES + 10));
            assertThat(raw.readJson().at("/error/code").asText()).isEqualTo("TOO_LARGE");
            raw.write("more bytes of the same line\n");
            assertThat(raw.exchange("{\"v\":1,\"cmd\":\"echo\",\"k\":2}").at("/result/k").asInt()).isEqualTo(2);
        }
    }

    @Test
    void twoClientsAreServedAtTheSameTime() throws Exception {
        Future<JsonNode> a = pool.submit(() -> {
            try (ControlClient c = ControlClient.connect(home)) {
                return c.call("barrier", null, Duration.ofSeconds(15));
            }
        });
        Future<JsonNode> b = pool.submit(() -> {
            try (ControlClient c = ControlClient.connect(home)) {
                return c.call("barrier", null, Duration.ofSeconds(15));
            }
        });
        assertThat(a.get(15, TimeUnit.SECONDS).get("met").asBoolean()).isTrue();
        assertThat(b.get(15, TimeUnit.SECONDS).get("met").asBoolean()).isTrue();
    }

    @Test
    void errorsCarryTheirCode() throws Exception {
        try (ControlClient c = ControlClient.connect(home)) {
            assertThatThrownBy(() -> c.call("nope", null))
                    .isInstanceOfSatisfying(ControlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND));
        }
    }

    @Test
    void aSilentDaemonTimesOut() throws Exception {
        try (ControlClient c = ControlClient.connect(home)) {
            assertThatThrownBy(() -> c.call("hang", null, Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(ControlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        }
    }

    @Test
    void noDaemonIsReportedAsUnreachable() {
        server.close();
        assertThat(ControlProtocol.socketPath(home)).doesNotExist();
        assertThatThrownBy(() -> ControlClient.connect(home))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DAEMON_UNREACHABLE));
    }

    @Test
    void closeLetsARequestInFlightAnswer() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        server.close();
        server = ControlServer.start(ControlProtocol.socketPath(home), request -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JSON.createObjectNode().put("done", true);
        });
        Future<JsonNode> call = pool.submit(() -> {
            try (ControlClient c = ControlClient.connect(home)) {
                return c.call("slow", null);
            }
        });
        assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
        Future<?> closing = pool.submit(server::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(call.get(10, TimeUnit.SECONDS).get("done").asBoolean()).isTrue();
    }

    @Test
    void typedArgumentsNameTheBadField() throws Exception {
        ControlRequest r = ControlRequest.parse("{\"v\":1,\"cmd\":\"start\",\"only\":{\"a\":1},\"args\":[\"x\",2]}");
        assertThat(r.strings("args")).containsExactly("x", "2");
        assertThatThrownBy(() -> r.strings("only")).hasMessageContaining("\"only\"");
        assertThatThrownBy(() -> r.text("target")).hasMessageContaining("\"target\"");
    }

    /** A plain socket, to send what a well-behaved client never would. */
    private final class RawConnection implements AutoCloseable {
        private final SocketChannel ch;
        private final BufferedReader reader;

        RawConnection() throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(ControlProtocol.socketPath(home)));
            reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        }

        void write(String s) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        JsonNode readJson() throws IOException {
            String line = reader.readLine();
            assertThat(line).as("an answer line").isNotNull();
            return JSON.readTree(line);
        }

        JsonNode exchange(String line) throws IOException {
            write(line + "\n");
            return readJson();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
