package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import jsup.cli.doctor.Marks;
import jsup.cli.doctor.TempDaemon;
import jsup.cli.render.Ansi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup health} against a real jsupd: app "probed" probes a port this test serves (accepting
 * every connection) and a port nobody listens on; "fine" only the live one; "plain" has no probes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Marks MARKS = Marks.forStdout(Ansi.OFF);

    private Path tmp;

    private TempDaemon daemon;
    private ServerSocket live;
    private Thread acceptor;
    private int deadPort;

    @BeforeAll
    void startDaemonWithApps(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        live = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        // The tcp probe passes only once the server accept()s, so this server really accepts.
        acceptor = new Thread(() -> {
            while (!live.isClosed()) {
                try (Socket s = live.accept()) {
                    s.getInputStream().available();
                } catch (IOException e) {
                    // Closed at teardown, or the prober hung up first.
                }
            }
        }, "health-test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = s.getLocalPort();
        }
        Path idle = TempDaemon.script(tmp.resolve("idle.sh"), "#!/bin/sh\nexec sleep 1000\n");
        Files.writeString(tmp.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "probed", "script": "%1$s", "health": {"probes": [
                      {"tcp": "127.0.0.1:%2$d"}, {"tcp": "127.0.0.1:%3$d"}],
                    "interval": "5m", "initial_delay": "5m", "timeout": "2s", "action": "log"}},
                  {"name": "fine", "script": "%1$s",
                   "health": {"tcp": "127.0.0.1:%2$d", "interval": "5m", "initial_delay": "5m"}},
                  {"name": "plain", "script": "%1$s"}
                ]}
                """.formatted(idle, live.getLocalPort(), deadPort));
        daemon = new TempDaemon(tmp.resolve("home"));
        CliRun.Result started = daemon.jsup("start", tmp.resolve("ecosystem.json").toString());
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            live.close();
            acceptor.join(5000);
        }
    }

    @Test
    void showsEachProbeAndFailsWhenOneFails() {
        CliRun.Result r = daemon.jsup("health", "probed");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(line(r.out(), "tcp 127.0.0.1:" + live.getLocalPort()))
                .startsWith(MARKS.pass() + " probed").matches(".* \\d+ ms  connected$");
        assertThat(line(r.out(), "tcp 127.0.0.1:" + deadPort))
                .startsWith(MARKS.fail() + " probed").matches(".* \\d+ ms  connection refused$");
        assertThat(r.err()).contains("1 of 2 probe(s) of 'probed' failed");
    }

    @Test
    void passesWhenEveryProbePasses() {
        CliRun.Result r = daemon.jsup("health", "fine");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(line(r.out(), "tcp 127.0.0.1:" + live.getLocalPort())).startsWith(MARKS.pass() + " fine");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anAppWithoutProbesSaysSoAndPasses() {
        CliRun.Result r = daemon.jsup("health", "plain");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("plain  no health block");
    }

    @Test
    void jsonCarriesEveryResult() throws Exception {
        CliRun.Result r = daemon.jsup("health", "probed", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).isEmpty();
        JsonNode app = JSON.readTree(r.out()).path("apps").get(0);
        assertThat(app.path("name").asText()).isEqualTo("probed");
        assertThat(app.path("ok").asBoolean()).isFalse();
        assertThat(app.path("results")).hasSize(2);
        assertThat(app.path("results").get(0).path("ok").asBoolean()).isTrue();
        assertThat(app.path("results").get(1).path("detail").asText()).isEqualTo("connection refused");
        assertThat(app.path("results").get(1).has("latency_ms")).isTrue();
    }

    @Test
    void anUnknownAppIsExitThreeNamingIt() {
        CliRun.Result r = daemon.jsup("health", "nosuch");

        assertThat(r.exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
        assertThat(r.err()).contains("nosuch").contains("jsup list");
        assertThat(r.out()).isEmpty();
    }

    private static String line(String out, String probe) {
        return out.lines().filter(l -> l.contains(probe + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + probe + " in:\n" + out));
    }
}
