package jsup.healthmon.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import jsup.healthmon.proc.PortOwners;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.Test;

class PortHolderCheckTest {

    private final PortOwners owners = new PortOwners(ProcFs.SYSTEM);
    private final int self = (int) ProcessHandle.current().pid();

    @Test
    void aForeignListenerIsNamedWithPidAndCommand() throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = foreign.getLocalPort();
            CheckResult r = new PortHolderCheck(owners, port, "gateway", Set.of(1)).run();
            assertThat(r.ok()).isFalse();
            assertThat(r.name()).isEqualTo("port " + port + " (gateway)");
            assertThat(r.detail()).startsWith("held by pid " + self + " (").contains("java")
                    .endsWith("on 127.0.0.1:" + port + ", which jsup does not supervise");
            assertThat(r.fix()).startsWith("stop it (kill " + self + ")");
        }
    }

    @Test
    void aSupervisedHolderOrAFreePortPasses() throws IOException {
        int port;
        try (ServerSocket ours = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = ours.getLocalPort();
            CheckResult r = new PortHolderCheck(owners, port, "gateway", Set.of(self)).run();
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.detail()).isEqualTo("held by gateway (pid " + self + ")");
        }
        assertThat(new PortHolderCheck(owners, port, "gateway", Set.of()).run())
                .isEqualTo(CheckResult.pass("port " + port + " (gateway)", "free"));
    }
}
