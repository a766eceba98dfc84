package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {

    static final String TCP = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1593 1 0000000000000000 100 0 0 10 0\n"
            + "   1: 0100007F:ED91 0100007F:B162 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000000000000 20 4 0 10 -1\n"
            + "   2: garbage\n";

    static final String TCP6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0\n"
            + "   1: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0000000000000000 100 0 0 10 0\n"
            + "   2: 0000000000000000FFFF00000100007F:1F92 0000000000000000FFFF00000100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 4244 1 0000000000000000 100 0 0 10 0\n";

    @Test
    void parsesIpv4Rows() throws Exception {
        List<TcpSocketEntry> rows = ProcNetTcp.parse(TCP);
        assertThat(rows).hasSize(2);
        TcpSocketEntry listener = rows.get(0);
        assertThat(listener.localAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(listener.localPort()).isEqualTo(18789);
        assertThat(listener.isListening()).isTrue();
        assertThat(listener.inode()).isEqualTo(1593);
        assertThat(listener.localEndpoint()).isEqualTo("127.0.0.1:18789");
        TcpSocketEntry queued = rows.get(1);
        assertThat(queued.state()).isEqualTo(TcpSocketEntry.ESTABLISHED);
        assertThat(queued.remotePort()).isEqualTo(0xB162);
        assertThat(queued.inode()).isZero();
    }

    @Test
    void parsesIpv6RowsIncludingMappedIpv4() throws Exception {
        List<TcpSocketEntry> rows = ProcNetTcp.parse(TCP6);
        assertThat(rows.get(0).localEndpoint()).isEqualTo("[0:0:0:0:0:0:0:0]:8080");
        assertThat(rows.get(1).localAddress()).isEqualTo(InetAddress.getByName("::1"));
        assertThat(rows.get(1).localPort()).isEqualTo(8081);
        assertThat(rows.get(2).localAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(rows.get(2).remotePort()).isEqualTo(50000);
    }
}
