package jsup.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jsup.supervisor.files.ProcessUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket's defences, on a real socket: its mode is never wider than 0600, idle connections
 * cannot hold every slot, and a peer of another uid is refused by SO_PEERCRED even when the socket's
 * mode lets it connect.
 */
class ControlSocketSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private ControlServer server;
    private final List<SocketChannel> raw = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws IOException {
        release.countDown();
        for (SocketChannel ch : raw) {
            ch.close();
        }
        processes.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
    }

    private void start(Duration idleTimeout) throws IOException {
        server = ControlServer.start(ControlProtocol.socketPath(home), request -> {
            if (request.cmd().equals("hang")) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return request.args();
        }, idleTimeout, new PeerCheck(ProcessUser.current()));
    }

    @Test
    void theSocketIsBoundInAPrivateFolderAndAppearsOnlyWithMode0600() throws Exception {
        Path socket = ControlProtocol.socketPath(home);
        AtomicReference<String> seen = new AtomicReference<>();

        try (var channel = PrivateSocketBind.bind(socket, 8, bound -> seen.set(
                Files.exists(socket, LinkOption.NOFOLLOW_LINKS) + " " + permissions(bound.getParent())))) {
            // At bind time (mode from the umask) the final path did not exist and the folder was private.
            assertThat(seen.get()).isEqualTo("false rwx------");
            assertThat(permissions(socket)).isEqualTo("rw-------");
            assertThat(home.resolve(PrivateSocketBind.PRIVATE_FOLDER)).doesNotExist();
        }
    }

    @Test
    void aLeftoverPrivateFolderOrASymlinkInItsPlaceIsRemovedNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path keep = Files.writeString(elsewhere.resolve("s"), "keep");
        Files.createSymbolicLink(home.resolve(PrivateSocketBind.PRIVATE_FOLDER), elsewhere);

        start(ControlServer.IDLE_TIMEOUT);

        assertThat(keep).hasContent("keep");
        try (ControlClient c = ControlClient.connect(home)) {
            assertThat(c.call("echo", ControlClient.args().put("x", 1)).get("x").asInt()).isEqualTo(1);
        }
    }

    @Test
    void idleConnectionsAreClosedSoTheyCannotLockTheCliOut() throws Exception {
        start(Duration.ofMillis(500));
        for (int i = 0; i < ControlServer.MAX_CONNECTIONS; i++) {
            raw.add(connect()); // connect and never send a request
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> server.connectionCount() == 0);

        try (ControlClient c = ControlClient.connect(home)) {
            assertThat(c.call("echo", ControlClient.args().put("ok", true)).get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aRequestThatRunsLongerThanTheIdleTimeoutStillGetsItsAnswer() throws Exception {
        start(Duration.ofMillis(200));
        ControlClient c = ControlClient.connect(home);
        CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> {
            try (c) {
                return c.call("hang", ControlClient.args().put("n", 7), Duration.ofSeconds(60));
            } catch (ControlException e) {
                throw new IllegalStateException(e);
            }
        });
        // Ten idle timeouts while the request runs: the connection stays.
        await().during(2, TimeUnit.SECONDS).atMost(30, TimeUnit.SECONDS).until(() -> server.connectionCount() == 1);

        release.countDown();

        assertThat(answer.get(30, TimeUnit.SECONDS).get("n").asInt()).isEqualTo(7);
    }

    @Test
    void aPeerOfAnotherUidIsRefusedEvenWhenTheSocketLetsItIn() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "connecting as another uid needs root (setpriv)");
        start(ControlServer.IDLE_TIMEOUT);
        Path socket = ControlProtocol.socketPath(home);
        // Undo the first defence (folder 0700, socket 0600) to reach the second.
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        // Reads before it sends: a refused peer is answered at once and closed, so a request sent
        // after that close would fail with EPIPE. Without the check, no answer comes: timeout, failure.
        String client = "import socket,sys\n"
                + "s=socket.socket(socket.AF_UNIX)\n"
                + "s.settimeout(20)\n"
                + "s.connect(sys.argv[1])\n"
                + "print(s.makefile().readline().strip())\n";
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/python3", "-c", client, socket.toString()).redirectErrorStream(true).start();
        processes.add(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(out).as("the refused client's output").startsWith("{");
        JsonNode answer = JSON.readTree(out);
        assertThat(answer.get("ok").asBoolean()).as(out).isFalse();
        assertThat(answer.path("error").path("code").asText()).as(out).isEqualTo("FORBIDDEN");
        assertThat(answer.path("error").path("message").asText()).as(out)
                .contains("serves only that user and root");
        // jsupd's own user is still served.
        try (ControlClient c = ControlClient.connect(home)) {
            assertThat(c.call("echo", ControlClient.args().put("x", 2)).get("x").asInt()).isEqualTo(2);
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(ControlProtocol.socketPath(home)));
        return ch;
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
