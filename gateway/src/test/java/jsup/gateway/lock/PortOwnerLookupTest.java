package jsup.gateway.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import jsup.healthmon.proc.ProcFs;

class PortOwnerLookupTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0
               1: 0100007F:4965 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 777777 1 0000000000000000 20 4 30 10 -1
               2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1 0000000000000000 100 0 0 10 0
            """;

    @Test
    void parsesListeningSocketsOfAPort() {
        // 0x4965 = 18789; the ESTABLISHED connection on the same port is not a listener.
        assertThat(ProcNetTcp.listeningInodes(TCP, 18789)).containsExactly(123456L);
        assertThat(ProcNetTcp.listeningInodes(TCP, 22)).containsExactly(2222L);
        assertThat(ProcNetTcp.listeningInodes(TCP, 80)).isEmpty();
        assertThat(ProcNetTcp.listeningInodes("garbage\nnot a line", 80)).isEmpty();
    }

    @Test
    void findsTheProcessListeningOnARealPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PortOwner owner = new PortOwnerLookup(ProcFs.SYSTEM).find(socket.getLocalPort()).orElseThrow();
            assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(owner.commandLine()).contains("java");
        }
    }
}
