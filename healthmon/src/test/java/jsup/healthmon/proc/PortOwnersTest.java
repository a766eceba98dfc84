package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortOwnersTest {

    @Test
    void findsThisJvmsOwnServerSocket() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<PortHolder> holders = new PortOwners(ProcFs.SYSTEM).holders(server.getLocalPort());
            int self = (int) ProcessHandle.current().pid();
            assertThat(holders).extracting(PortHolder::pid).containsExactly(self);
            PortHolder holder = holders.get(0);
            assertThat(holder.endpoint()).isEqualTo("127.0.0.1:" + server.getLocalPort());
            assertThat(holder.commandLine()).contains("java");
            assertThat(holder.describe()).startsWith("pid " + self + " (");
        }
    }

    @Test
    void aFreePortHasNoHolder() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(new PortOwners(ProcFs.SYSTEM).holders(port)).isEmpty();
    }

    @Test
    void mapsInodesToPidsInAFixture(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), ProcNetTcpTest.TCP);
        Files.writeString(proc.resolve("net/tcp6"), ProcNetTcpTest.TCP6);
        Path p = Files.createDirectories(proc.resolve("4321/fd"));
        Files.createSymbolicLink(p.resolve("3"), Path.of("/dev/null"));
        Files.createSymbolicLink(p.resolve("21"), Path.of("socket:[1593]"));
        Files.write(proc.resolve("4321/cmdline"), "node\0dist/entry.js\0gateway\0--port\00018789\0".getBytes());

        List<PortHolder> gateway = new PortOwners(new ProcFs(proc)).holders(18789);
        assertThat(gateway).containsExactly(
                new PortHolder(18789, "127.0.0.1:18789", 1593, 4321, "node dist/entry.js gateway --port 18789"));

        List<PortHolder> unseen = new PortOwners(new ProcFs(proc)).holders(8080);
        assertThat(unseen).singleElement().satisfies(h -> {
            assertThat(h.pidKnown()).isFalse();
            assertThat(h.describe()).contains("socket inode 4242");
        });
    }
}
