package jsup.gateway.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortInUseTest {

    /** 0x4965 = 18789 (LISTEN, inode 123456, plus an ESTABLISHED connection); 0x0016 = 22 (LISTEN, inode 2222). */
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0
               1: 0100007F:4965 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 777777 1 0000000000000000 20 4 30 10 -1
               2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1 0000000000000000 100 0 0 10 0
            """;

    @TempDir
    Path proc;

    @Test
    void namesTheListeningProcessFromProcFixtures() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), TCP);
        holder(4242, 777777, "node\0dist/entry.js\0client\0"); // holds only the ESTABLISHED socket
        holder(4343, 123456, "node\0dist/entry.js\0gateway\0");

        assertThat(PortInUse.message(new ProcFs(proc), "127.0.0.1", 18789)).isEqualTo(
                "port 18789 on 127.0.0.1 is already in use by pid 4343 (node dist/entry.js gateway); another gateway"
                        + " instance may already be running. Stop it, or set gateway.port / --port to a free port.");
        // Port 22 listens, but no visible process has its socket open (another user's process).
        assertThat(PortInUse.message(new ProcFs(proc), "127.0.0.1", 22))
                .contains("port 22 on 127.0.0.1 is already in use by another process (not visible to this user);");
    }

    @Test
    void cutsALongCommandLine() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), TCP);
        holder(4343, 123456, "node\0" + "x".repeat(500) + "\0");

        String message = PortInUse.message(new ProcFs(proc), "0.0.0.0", 18789);

        String shown = ("node " + "x".repeat(500)).substring(0, PortInUse.MAX_COMMAND) + "...";
        assertThat(message).contains("in use by pid 4343 (" + shown + ");");
    }

    @Test
    void namesThisJvmListeningOnARealPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String message = PortInUse.message(ProcFs.SYSTEM, "127.0.0.1", socket.getLocalPort());
            assertThat(message).startsWith("port " + socket.getLocalPort() + " on 127.0.0.1 is already in use by pid "
                    + ProcessHandle.current().pid() + " (").contains("java");
        }
    }

    private void holder(int pid, long socketInode, String cmdline) throws IOException {
        Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("/dev/null"));
        Files.createSymbolicLink(fd.resolve("7"), Path.of("socket:[" + socketInode + "]"));
        Files.write(proc.resolve(pid + "/cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
    }
}
