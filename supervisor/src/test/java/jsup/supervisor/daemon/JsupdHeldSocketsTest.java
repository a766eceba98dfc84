package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jsup.supervisor.control.ControlException;
import org.junit.jupiter.api.Test;

/**
 * Held listening sockets on one real jsupd, with the example server (examples/held-socket/server.py, python3,
 * serving on fd 3): LISTEN_PID is the app's own pid, restarts under a hammering client refuse nothing, a port
 * in use errs the app naming its holder, and deleting the app closes the port. Port 0 everywhere: the kernel
 * picks, describe tells.
 */
class JsupdHeldSocketsTest extends SharedDaemonTest {

    private static final Path SERVER = Path.of("../examples/held-socket/server.py").toAbsolutePath().normalize();
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESTARTS = 3;

    @Test
    void aRunGetsTheSocketAsFd3WithListenPidItsOwnPid() throws Exception {
        deployServer("pid", "127.0.0.1:0");
        JsonNode app = awaitServing("pid");
        JsonNode socket = app.path("sockets").get(0);
        assertThat(socket.path("name").asText()).isEqualTo("http");
        assertThat(socket.path("fd").asInt()).isEqualTo(3);
        assertThat(socket.path("listen").asText()).isEqualTo("127.0.0.1:0");

        JsonNode seen = get(port(app));
        long pid = app.path("pid").asLong();
        assertThat(seen.path("pid").asLong()).isEqualTo(pid);
        assertThat(seen.path("listen_pid").asText()).isEqualTo(Long.toString(pid));
        assertThat(seen.path("listen_fds").asText()).isEqualTo("1");
        assertThat(seen.path("listen_fdnames").asText()).isEqualTo("http");
    }

    @Test
    void restartsUnderAHammeringClientRefuseNoConnection() throws Exception {
        deployServer("hammered", "127.0.0.1:0");
        JsonNode app = awaitServing("hammered");
        int port = port(app);
        Set<Long> servedBy = ConcurrentHashMap.newKeySet();
        AtomicInteger served = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (running.get()) {
                try {
                    servedBy.add(get(port).path("pid").asLong());
                    served.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                    failure.compareAndSet(null, e.toString());
                }
            }
        }, "hammering-client");
        client.start();
        try {
            long pid = app.path("pid").asLong();
            for (int i = 0; i < RESTARTS; i++) {
                long before = pid;
                int servedBefore = served.get();
                await().atMost(WAIT).pollInterval(POLL).until(() -> served.get() > servedBefore);
                fx.call("restart", DaemonFixture.args().put("target", "hammered"));
                await().atMost(WAIT).pollInterval(POLL).until(() -> {
                    JsonNode now = describe("hammered");
                    return now.path("status").asText().equals("online") && now.path("pid").asLong() != before;
                });
                pid = describe("hammered").path("pid").asLong();
                long current = pid;
                await().atMost(WAIT).pollInterval(POLL).until(() -> servedBy.contains(current));
            }
        } finally {
            running.set(false);
            client.join(WAIT.toMillis());
        }
        assertThat(servedBy).as("runs that served").hasSize(RESTARTS + 1);
        assertThat(failures.get()).as("failed requests of %s (first: %s)", served.get(), failure.get()).isZero();
        assertThat(describe("hammered").path("restarts").asInt()).isEqualTo(RESTARTS);
    }

    @Test
    void aPortInUseErrsTheAppNamingItsHolderAndDeleteClosesThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            deployServer("clash", "127.0.0.1:" + port);
            await().atMost(WAIT).pollInterval(POLL).until(() -> describe("clash").path("status").asText()
                    .equals("errored"));
            assertThat(describe("clash").path("status_reason").asText()).contains(
                    "cannot listen on 127.0.0.1:" + port + " (socket \"http\" of clash): the port is in use by pid "
                            + ProcessHandle.current().pid());
        }
        deployServer("closing", "127.0.0.1:0");
        int port = port(awaitServing("closing"));
        fx.call("delete", DaemonFixture.args().put("target", "closing"));
        created.remove("closing");
        try (Socket s = new Socket()) {
            assertThat(catchConnect(s, port)).as("connect after delete").isInstanceOf(ConnectException.class);
        }
    }

    private static Throwable catchConnect(Socket s, int port) {
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private void deployServer(String name, String listen) throws ControlException {
        deploy(name + ".json", "{\"name\": \"" + name + "\", \"script\": \"" + SERVER + "\", \"interpreter\": "
                + "\"python3\", \"kill_timeout\": 10000, \"sockets\": [{\"name\": \"http\", \"listen\": \"" + listen
                + "\"}]}");
    }

    /** The app once it is online and its run answers on the held socket. */
    private static JsonNode awaitServing(String name) throws Exception {
        await().atMost(WAIT).pollInterval(POLL).until(() -> describe(name).path("status").asText().equals("online")
                && describe(name).path("sockets").size() == 1);
        JsonNode app = describe(name);
        long pid = app.path("pid").asLong();
        await().atMost(WAIT).pollInterval(POLL).ignoreExceptions().until(() -> get(port(app)).path("pid").asLong() == pid);
        return app;
    }

    private static int port(JsonNode app) {
        String bound = app.path("sockets").get(0).path("bound").asText();
        return Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1));
    }

    /** One GET on a new connection; the server's JSON line, or an exception for anything but a 200. */
    private static JsonNode get(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.0 200")) {
                throw new IOException("not a 200: " + (response.isEmpty() ? "(connection closed)" : response));
            }
            return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private static JsonNode describe(String name) throws ControlException {
        return fx.call("describe", DaemonFixture.args().put("target", name)).at("/apps/0");
    }
}
