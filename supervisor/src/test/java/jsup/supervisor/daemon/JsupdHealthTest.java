package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsupd acting on health results: a hung (SIGSTOPped) TCP server is restarted with a health reason. */
class JsupdHealthTest {


    @TempDir
    Path tmp;

    private DaemonFixture fx;
    private long stopped;

    @BeforeEach
    void setUp() {
        fx = new DaemonFixture(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (stopped > 0) {
            new ProcessBuilder("kill", "-CONT", Long.toString(stopped)).start().waitFor(5, TimeUnit.SECONDS);
        }
        fx.close();
    }

    @Test
    void aSigstoppedTcpServerIsRestartedWithAHealthReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path server = fx.root.resolve("server.pl");
        DaemonFixture.write(server, "use IO::Socket::INET;\n"
                + "my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ARGV[0], Listen => 16,"
                + " ReuseAddr => 1) or die \"listen: $!\";\n"
                + "$SIG{TERM} = sub { exit 0 };\n"
                + "while (my $c = $s->accept) { close $c; }\n");
        Path eco = fx.ecosystem("eco.json", "{\"name\": \"tcp\", \"script\": \"" + server + "\","
                + " \"interpreter\": \"/usr/bin/perl\", \"args\": [\"" + port + "\"], \"kill_timeout\": 500,"
                + " \"min_uptime\": 200, \"health\": {\"tcp\": \"127.0.0.1:" + port + "\", \"interval\": \"1s\","
                + " \"timeout\": \"3s\", \"failures\": 1, \"initial_delay\": \"3s\"}}");
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        await().atMost(WAIT).until(() -> app().get("health").asText().equals("ok"));
        JsonNode healthy = app();
        long pid = healthy.get("pid").asLong();
        assertThat(healthy.at("/health_results/0/probe").asText()).isEqualTo("tcp 127.0.0.1:" + port);
        assertThat(healthy.get("restarts").asInt()).isZero();

        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        stopped = pid;
        // interval × failures + timeout = 4 s on an idle machine; the bound only stops a hung test.
        await().atMost(WAIT).until(() -> app().get("restarts").asInt() >= 1);
        stopped = 0;

        JsonNode after = app();
        JsonNode history = after.get("restart_history");
        assertThat(history.get(0).get("reason").asText()).startsWith("health: tcp 127.0.0.1:" + port);
        await().atMost(WAIT).until(() -> app().get("status").asText().equals("online")
                && app().get("pid").asLong() != pid);
        assertThat(DaemonFixture.alive(pid)).isFalse();
        await().atMost(WAIT).until(() -> app().get("health").asText().equals("ok"));

        List<String> log = Files.readAllLines(fx.home.healthLog());
        assertThat(log).anySatisfy(l -> assertThat(l).contains("\ttcp\t").contains("tcp 127.0.0.1:" + port).contains("FAIL"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("tcp 127.0.0.1:" + port).contains("\tok\t"));

        JsonNode now = fx.call("health", DaemonFixture.args().put("target", "tcp")).at("/apps/0");
        assertThat(now.get("ok").asBoolean()).isTrue();
        assertThat(now.at("/results/0/probe").asText()).isEqualTo("tcp 127.0.0.1:" + port);
    }

    private JsonNode app() throws Exception {
        return fx.call("describe", DaemonFixture.args().put("target", "tcp")).at("/apps/0");
    }
}
