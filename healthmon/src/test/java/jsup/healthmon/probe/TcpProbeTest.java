package jsup.healthmon.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        return server;
    }

    /** Accepts and closes connections, like any serving process. */
    private ServerSocket servingListener() throws IOException {
        ServerSocket server = listen();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-acceptor");
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void passesAgainstAServingListener() throws IOException {
        ServerSocket server = servingListener();
        ProbeResult r = new TcpProbe("127.0.0.1", server.getLocalPort(), ProcFs.SYSTEM).check(Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("connected");
        assertThat(r.probe()).isEqualTo("tcp 127.0.0.1:" + server.getLocalPort());
    }

    @Test
    void failsWithConnectionRefusedOnAClosedPort() throws IOException {
        ServerSocket server = listen();
        int port = server.getLocalPort();
        server.close();
        ProbeResult r = new TcpProbe("127.0.0.1", port, ProcFs.SYSTEM).check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("connection refused");
        assertThat(r.summary()).isEqualTo("tcp 127.0.0.1:" + port + " connection refused");
    }

    @Test
    void failsWhenTheListenerNeverAccepts() throws IOException {
        // A hung or SIGSTOPped server: the kernel completes the handshake, nobody calls accept().
        ServerSocket server = listen();
        ProbeResult r = new TcpProbe("127.0.0.1", server.getLocalPort(), ProcFs.SYSTEM).check(Duration.ofMillis(400));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("connected but not accepted within 400ms");
        assertThat(r.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void failsAgainstARealServerProcessThatIsSigstopped() throws Exception {
        Process server = new ProcessBuilder("python3", "-c",
                "import socket,sys\n"
                        + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(16)\n"
                        + "print(s.getsockname()[1], flush=True)\n"
                        + "while True:\n"
                        + "    c,_=s.accept(); c.close()\n")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        open.add(() -> {
            server.destroyForcibly();
            server.waitFor();
        });
        int port = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII)).readLine().trim());
        TcpProbe probe = new TcpProbe("127.0.0.1", port, ProcFs.SYSTEM);
        assertThat(probe.check(Duration.ofSeconds(30)).ok()).isTrue();

        new ProcessBuilder("kill", "-STOP", Long.toString(server.pid())).start().waitFor();
        // The signal is only delivered when the server next runs; wait until it really is stopped.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                ProcFs.SYSTEM.stat((int) server.pid()).map(info -> info.state() == 'T').orElse(false));
        ProbeResult stopped = probe.check(Duration.ofMillis(500));
        assertThat(stopped.ok()).as(stopped.toString()).isFalse();
        assertThat(stopped.detail()).contains("not accepted");

        new ProcessBuilder("kill", "-CONT", Long.toString(server.pid())).start().waitFor();
        assertThat(probe.check(Duration.ofSeconds(30)).ok()).isTrue();
    }

    @Test
    void anUnknownHostIsNamed() {
        ProbeResult r = new TcpProbe("no-such-host.invalid", 80, ProcFs.SYSTEM).check(Duration.ofSeconds(1));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("unknown host no-such-host.invalid");
    }

    @Test
    void aHostLookupThatHangsFailsAtTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        open.add(never::countDown);
        HostLookup hanging = new HostLookup(host -> {
            try {
                never.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        TcpProbe probe = new TcpProbe("gateway.internal", 18789, ProcFs.SYSTEM, hanging);

        ProbeResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> probe.check(Duration.ofMillis(300)));

        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("timed out after 300ms looking up gateway.internal (DNS)");
    }

    @Test
    void aNameThatDoesNotResolveIsReportedAsSuch() {
        HostLookup none = new HostLookup(host -> {
            throw new UnknownHostException(host);
        });
        ProbeResult r = new TcpProbe("nowhere.invalid", 80, ProcFs.SYSTEM, none).check(Duration.ofSeconds(2));
        assertThat(r.detail()).isEqualTo("unknown host nowhere.invalid");
    }

    @Test
    void anAddressLiteralIsNeverLookedUpSoAHangingResolverCannotTimeItOut() throws Exception {
        // Under load, a pool round trip for "127.0.0.1" once took longer than a 400 ms probe timeout.
        HostLookup failsEveryLookup = new HostLookup(host -> {
            throw new AssertionError("looked up " + host);
        });
        ServerSocket server = servingListener();
        assertThat(failsEveryLookup.resolve("127.0.0.1", Duration.ofNanos(1)).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(failsEveryLookup.resolve("::1", Duration.ofNanos(1)).isLoopbackAddress()).isTrue();
        assertThat(HostLookup.isAddressLiteral("256.0.0.1")).isFalse();
        assertThat(HostLookup.isAddressLiteral("1.2.3")).isFalse();
        assertThat(HostLookup.isAddressLiteral("gateway.internal")).isFalse();
        ProbeResult r = new TcpProbe("127.0.0.1", server.getLocalPort(), ProcFs.SYSTEM, failsEveryLookup)
                .check(Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.detail()).isTrue();
    }
}
