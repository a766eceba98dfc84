package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static jsup.supervisor.daemon.DaemonFixture.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.ControlException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Readiness, the watchdog and depends_on with real processes on one real jsupd (shared by the tests, each
 * with apps of its own that it deletes): READY=1 through Debian's systemd-notify and through a plain
 * datagram client (perl), the listen_timeout and watchdog restarts, and a dependency that becomes healthy
 * on a real port.
 */
class JsupdReadinessTest extends SharedDaemonTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @Test
    void anAppIsReadyWhenAPlainClientSendsReadyOnNotifySocket() throws Exception {
        Path go = tmp.resolve("plain-go");
        // As an app that calls sd_notify itself: its main process sends, and stays.
        Path script = tmp.resolve("plain.pl");
        DaemonFixture.write(script, "use Socket;\n"
                + "$SIG{TERM} = sub { exit 0 };\n"
                + "select(undef, undef, undef, 0.05) until -e '" + go + "';\n"
                + "socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die \"socket: $!\";\n"
                + "send($s, \"READY=1\\nSTATUS=serving 3 clients\", 0, pack_sockaddr_un($ENV{NOTIFY_SOCKET}))"
                + " or die \"send: $!\";\n"
                + "sleep 1 while 1;\n");
        deploy("plain.json", "{\"name\": \"plain\", \"script\": \"" + script + "\", \"interpreter\": \"/usr/bin/perl\","
                + " \"kill_timeout\": 1000, \"wait_ready\": true}");

        await().atMost(WAIT).pollInterval(POLL).until(() -> status("plain").equals("online"));
        assertThat(describe("plain").path("ready").asBoolean()).as("ready before READY=1").isFalse();
        Files.createFile(go);

        await().atMost(WAIT).pollInterval(POLL).until(() -> describe("plain").path("ready").asBoolean());
        assertThat(describe("plain").path("notify_status").asText()).isEqualTo("serving 3 clients");
        assertThat(describe("plain").path("restarts").asInt()).isZero();
    }

    @Test
    void systemdNotifyReadyMakesAnAppReady() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-notify")),
                "Debian's systemd-notify is not installed (apt-get install systemd)");
        Path go = tmp.resolve("sd-go");
        Path script = fx.script("sd", "while [ ! -f " + go + " ]; do sleep 0.05; done\n"
                + "systemd-notify --ready --status=listening\n"
                + "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        deploy("sd.json", app("sd", script, "\"wait_ready\": true"));

        await().atMost(WAIT).pollInterval(POLL).until(() -> status("sd").equals("online"));
        assertThat(describe("sd").path("ready").asBoolean()).isFalse();
        Files.createFile(go);

        await().atMost(WAIT).pollInterval(POLL).until(() -> describe("sd").path("ready").asBoolean());
        assertThat(describe("sd").path("notify_status").asText()).isEqualTo("listening");
    }

    @Test
    void anAppNotReadyWithinListenTimeoutIsRestarted() throws Exception {
        Path script = fx.sleeper("silent");
        deploy("silent.json", app("silent", script, "\"wait_ready\": true, \"listen_timeout\": \"500ms\""));

        await().atMost(WAIT).pollInterval(POLL).until(() -> reasons("silent").stream()
                .anyMatch(r -> r.startsWith("ready timeout: not ready within 500ms (listen_timeout)")));
    }

    @Test
    void anAppThatStopsSendingWatchdogIsRestartedWithReasonWatchdog() throws Exception {
        Path pinging = tmp.resolve("wd-pinging");
        Path pings = tmp.resolve("wd-pings");
        Path usec = tmp.resolve("wd-usec");
        Files.createFile(pinging);
        Path script = tmp.resolve("wd.pl");
        DaemonFixture.write(script, "use Socket;\n"
                + "$SIG{TERM} = sub { exit 0 };\n"
                + "open(my $u, '>', '" + usec + "'); print $u \"$ENV{WATCHDOG_USEC}\\n\"; close $u;\n"
                + "socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die \"socket: $!\";\n"
                + "my $to = pack_sockaddr_un($ENV{NOTIFY_SOCKET});\n"
                + "while (1) {\n"
                + "  if (-e '" + pinging + "') {\n"
                + "    send($s, 'WATCHDOG=1', 0, $to) or die \"send: $!\";\n"
                + "    open(my $p, '>>', '" + pings + "'); print $p \"x\\n\"; close $p;\n"
                + "  }\n"
                + "  select(undef, undef, undef, 0.1);\n"
                + "}\n");
        deploy("wd.json", "{\"name\": \"wd\", \"script\": \"" + script + "\", \"interpreter\": \"/usr/bin/perl\","
                + " \"kill_timeout\": 1000, \"watchdog\": \"500ms\"}");

        // Ten pings at 0.1 s: twice the watchdog interval went by, each part with its pings.
        await().atMost(WAIT).pollInterval(POLL).until(() -> Files.exists(pings)
                && Files.readAllLines(pings).size() >= 10);
        assertThat(describe("wd").path("restarts").asInt()).isZero();
        assertThat(Files.readString(usec).strip()).isEqualTo("500000");

        Files.delete(pinging);
        await().atMost(WAIT).pollInterval(POLL).until(() -> reasons("wd").contains("watchdog"));
    }

    @Test
    void aDependentStartsOnceItsDependencyIsHealthyOnARealPortAndStopsFirst() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path go = tmp.resolve("db-go");
        Path db = tmp.resolve("db.pl");
        DaemonFixture.write(db, "use IO::Socket::INET;\n"
                + "$SIG{TERM} = sub { exit 0 };\n"
                + "select(undef, undef, undef, 0.05) until -e '" + go + "';\n"
                + "my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => " + port + ", Listen => 16,"
                + " ReuseAddr => 1) or die \"listen: $!\";\n"
                + "while (my $c = $s->accept) { close $c; }\n");
        Path saw = tmp.resolve("web-saw");
        Path web = fx.script("web", "if perl -MIO::Socket::INET -e 'exit(IO::Socket::INET->new(\"127.0.0.1:" + port
                + "\") ? 0 : 1)'; then echo up > " + saw + "; else echo down > " + saw + "; fi\n"
                + "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        String dbApp = "{\"name\": \"db\", \"namespace\": \"deps\", \"script\": \"" + db + "\","
                + " \"interpreter\": \"/usr/bin/perl\", \"kill_timeout\": 1000, \"min_uptime\": 200,"
                + " \"health\": {\"tcp\": \"127.0.0.1:" + port + "\", \"interval\": \"200ms\", \"timeout\": \"2s\","
                + " \"initial_delay\": \"100ms\", \"action\": \"log\", \"ready\": true}}";
        // web first in the file: the order comes from depends_on, not from the file.
        deploy("deps.json", app("web", web, "\"namespace\": \"deps\", \"depends_on\": {\"db\": \"healthy\"}"), dbApp);

        await().atMost(WAIT).pollInterval(POLL).until(() -> describe("web").path("status_reason").asText()
                .equals("waiting for db (healthy)"));
        assertThat(status("web")).isEqualTo("launching");
        assertThat(status("db")).isEqualTo("online");
        Files.createFile(go);

        await().atMost(WAIT).pollInterval(POLL).until(() -> Files.exists(saw) && !Files.readString(saw).isBlank());
        assertThat(Files.readString(saw).strip()).as("what web found on db's port when it started").isEqualTo("up");
        assertThat(status("web")).isEqualTo("online");
        long webPid = describe("web").path("pid").asLong();

        // A dependency's restart leaves its dependents alone (process-compose's behaviour).
        fx.call("restart", DaemonFixture.args().put("target", "db"));
        await().atMost(WAIT).pollInterval(POLL).until(() -> describe("db").path("ready").asBoolean());
        assertThat(describe("web").path("pid").asLong()).isEqualTo(webPid);
        assertThat(describe("web").path("restarts").asInt()).isZero();

        // Stopped together: the dependent first.
        fx.call("stop", DaemonFixture.args().put("target", "deps"));
        Instant webStopped = transitionAt(describe("web"), "stopped");
        Instant dbStopping = transitionAt(describe("db"), "stopping");
        assertThat(webStopped).isBeforeOrEqualTo(dbStopping);

        // jsup start web brings db along.
        Files.delete(saw);
        fx.call("start", DaemonFixture.args().put("target", "web"));
        await().atMost(WAIT).pollInterval(POLL).until(() -> Files.exists(saw) && !Files.readString(saw).isBlank());
        assertThat(status("db")).isEqualTo("online");
        assertThat(Files.readString(saw).strip()).isEqualTo("up");
    }

    @Test
    void aDependencyNotMetWithinDependsTimeoutEndsTheDependentErrored() throws Exception {
        Path slow = fx.sleeper("slow");
        Path needy = fx.sleeper("needy");
        deploy("timeout.json", app("slow", slow, "\"wait_ready\": true"),
                app("needy", needy, "\"depends_on\": {\"slow\": \"healthy\"}, \"depends_timeout\": \"500ms\""));

        await().atMost(WAIT).pollInterval(POLL).until(() -> status("needy").equals("errored"));
        assertThat(describe("needy").path("status_reason").asText())
                .isEqualTo("dependency slow (healthy) not met within 500ms (depends_timeout)");
        assertThat(describe("needy").path("pid").asLong()).isZero();
    }

    @Test
    void aDependencyThatExitsNonZeroFailsACompletedSuccessfullyDependentAtOnce() throws Exception {
        Path migrate = fx.script("migrate", "exit 3");
        Path server = fx.sleeper("server");
        deploy("oneshot.json", app("migrate", migrate, "\"autorestart\": false"),
                app("server", server, "\"depends_on\": {\"migrate\": \"completed_successfully\"}"));

        await().atMost(WAIT).pollInterval(POLL).until(() -> status("server").equals("errored"));
        assertThat(describe("server").path("status_reason").asText())
                .isEqualTo("dependency migrate ended with exit code 3 (completed_successfully was needed)");
    }

    // ------------------------------------------------------------------------------------------

    private static JsonNode describe(String name) throws ControlException {
        return fx.call("describe", DaemonFixture.args().put("target", name)).at("/apps/0");
    }

    private static String status(String name) throws ControlException {
        return describe(name).path("status").asText();
    }

    private static List<String> reasons(String name) throws ControlException {
        List<String> reasons = new ArrayList<>();
        describe(name).path("restart_history").forEach(r -> reasons.add(r.path("reason").asText()));
        return reasons;
    }

    /** When the app last went to {@code status}. */
    private static Instant transitionAt(JsonNode app, String status) {
        Instant at = null;
        for (JsonNode t : app.path("transitions")) {
            if (t.path("to").asText().equals(status)) {
                at = Instant.parse(t.path("at").asText());
            }
        }
        assertThat(at).as(app.path("name").asText() + " went " + status).isNotNull();
        return at;
    }
}
