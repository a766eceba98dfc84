package jsup.supervisor.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.SocketSpec;
import jsup.supervisor.process.LaunchException;
import jsup.supervisor.process.OsChildLauncher;
import jsup.supervisor.process.Spawner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binding, keeping and closing held sockets on real addresses (port 0 and temp socket paths, so nothing here
 * collides with another test), and the systemd variables and wrapper a run gets. No process is started.
 */
class HeldSocketsTest {

    @TempDir
    Path tmp;

    private final HeldSockets sockets = new HeldSockets(ProcFs.SYSTEM);

    @AfterEach
    void closeAll() {
        sockets.close();
    }

    @Test
    void aSocketIsBoundOnceAndKeptForEveryRun() throws Exception {
        AppSpec web = app("web", tcp("http", 0), unix("admin", tmp.resolve("admin.sock")));
        SocketHandover first = sockets.handover(web);
        SocketHandover second = sockets.handover(web);

        assertThat(second).isEqualTo(first);
        assertThat(first.names()).containsExactly("http", "admin");
        assertThat(first.environment()).isEqualTo(Map.of("LISTEN_FDS", "2", "LISTEN_FDNAMES", "http:admin"));
        List<HeldSocket> held = sockets.held("web");
        assertThat(held).extracting(HeldSocket::fd).isEqualTo(first.descriptors());
        assertThat(held.get(0).bound()).matches("127\\.0\\.0\\.1:[1-9]\\d*");
        // A connection is accepted by the kernel while nobody accepts: it waits in the backlog.
        try (Socket client = new Socket()) {
            client.connect(address(held.get(0)), 5000);
            assertThat(client.isConnected()).isTrue();
        }
        Path admin = tmp.resolve("admin.sock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(admin))).isEqualTo("rw-------");
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void aSocketTheDefinitionDropsIsClosedAndDeletingTheAppClosesTheRest() throws Exception {
        Path path = tmp.resolve("gone.sock");
        sockets.handover(app("web", tcp("http", 0), unix("gone", path)));
        InetSocketAddress http = address(sockets.held("web").get(0));

        sockets.retain(app("web", tcp("http", 0)));
        assertThat(path).doesNotExist();
        assertThat(sockets.held("web")).extracting(HeldSocket::name).containsExactly("http");
        assertThat(connects(http)).isTrue();

        sockets.release("web");
        assertThat(sockets.held("web")).isEmpty();
        assertThat(connects(http)).as("connect after the release").isFalse();
    }

    @Test
    void aPortInUseIsRefusedNamingTheAddressAndItsHolder() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> sockets.handover(app("web", tcp("http", port))))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + " (socket \"http\" of web): "
                            + "the port is in use by pid " + ProcessHandle.current().pid() + " (")
                    .hasMessageEndingWith("; stop that process, or choose another port in \"sockets\"");
        }
        SocketHandover held = sockets.handover(app("one", tcp("http", 0)));
        int port = address(sockets.held("one").get(0)).getPort();
        assertThatThrownBy(() -> sockets.handover(app("two", tcp("api", port))))
                .hasMessage("cannot listen on 127.0.0.1:" + port + " (socket \"api\" of two): jsup already holds it "
                        + "for app one; give one of them another address, or delete one");
        assertThat(held.descriptors()).hasSize(1);
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveServerOrAFileIsNot() throws Exception {
        Path stale = tmp.resolve("stale.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(stale)).close();
        assertThat(stale).exists(); // closed without unlinking: nobody accepts on it
        sockets.handover(app("a", unix("s", stale)));
        assertThat(sockets.held("a")).hasSize(1);

        Path live = tmp.resolve("live.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(live));
            assertThatThrownBy(() -> sockets.handover(app("b", unix("s", live))))
                    .hasMessage("cannot listen on " + live + " (socket \"s\" of b): another server listens there; "
                            + "stop it or choose another path");
        }
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> sockets.handover(app("c", unix("s", file))))
                .hasMessage("cannot listen on " + file + " (socket \"s\" of c): something that is not a socket is in "
                        + "the way; remove it or choose another path");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void theJdkFallbackRefusesSocketsBeforeBindingAny() {
        OsChildLauncher launcher = new OsChildLauncher(ProcFs.SYSTEM, Map.of(), sockets);
        System.setProperty(Spawner.JDK_SPAWN_PROPERTY, "true");
        try {
            // Refused before any output is opened: none is needed.
            assertThatThrownBy(() -> launcher.launch(app("web", tcp("http", 0)), null))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("\"sockets\" needs posix_spawn (glibc 2.34 or later on 64-bit Linux, without "
                            + "-Djsup.spawn.jdk=true): ProcessBuilder cannot pass descriptors; remove \"sockets\" "
                            + "from web");
        } finally {
            System.clearProperty(Spawner.JDK_SPAWN_PROPERTY);
        }
        assertThat(sockets.held("web")).isEmpty();
    }

    @Test
    void aRunIsWrappedSoThatListenPidIsItsOwnPid() {
        SocketHandover handover = new SocketHandover(List.of(57), List.of("http"));
        assertThat(handover.wrap(List.of("/usr/bin/setsid", "python3", "server.py"))).containsExactly(
                "/bin/sh", "-c", "LISTEN_PID=$$; export LISTEN_PID; exec \"$@\"", "jsup-listen",
                "/usr/bin/setsid", "python3", "server.py");
        assertThat(handover.fds()).containsExactly(57);
        assertThat(SocketHandover.NONE.wrap(List.of("a"))).containsExactly("a");
        assertThat(SocketHandover.NONE.environment()).isEmpty();
    }

    private static boolean connects(InetSocketAddress address) throws IOException {
        try (Socket client = new Socket()) {
            client.connect(address, 5000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static InetSocketAddress address(HeldSocket socket) {
        String bound = socket.bound();
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1)));
    }

    private static SocketSpec tcp(String name, int port) {
        return new SocketSpec(name, new SocketSpec.Tcp("127.0.0.1", port));
    }

    private static SocketSpec unix(String name, Path path) {
        return new SocketSpec(name, new SocketSpec.Unix(path));
    }

    private AppSpec app(String name, SocketSpec... sockets) {
        return new AppSpec(name, "/bin/true", List.of(), null, List.of(), tmp, Map.of(), true, true, Set.of(),
                Duration.ofSeconds(1), 16, Duration.ZERO, null, 1.5, Duration.ofSeconds(15), Duration.ofSeconds(30),
                0, Duration.ofSeconds(1), Duration.ofMillis(1600), "TERM", tmp.resolve("o"), tmp.resolve("e"), null,
                false, null, false, 0, 0, false, null, "default", List.of(), null, null, Map.of(), null, null, null,
                null, null, List.of(sockets));
    }
}
