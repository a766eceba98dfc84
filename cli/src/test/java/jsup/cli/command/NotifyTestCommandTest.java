package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code jsup notify test} against a real jsupd: app "alerted" sends to a local webhook receiver and to
 * a port nobody listens on; "silent" has no notify block. One daemon for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyTestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Marks MARKS = Marks.forStdout(Ansi.OFF);

    private TempDaemon daemon;
    private HttpServer receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private int deadPort;

    @BeforeAll
    void startDaemonWithApps(@TempDir Path tmp) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                received.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = s.getLocalPort();
        }
        Path idle = TempDaemon.script(tmp.resolve("idle.sh"), "#!/bin/sh\nexec sleep 1000\n");
        Files.writeString(tmp.resolve(".env"), "HOOK_SECRET=/secret-path-123\n");
        Files.writeString(tmp.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "alerted", "script": "%1$s", "env_file": ".env", "notify": {"webhook": [
                      "http://127.0.0.1:%2$d${HOOK_SECRET}", "http://127.0.0.1:%3$d/hook"]}},
                  {"name": "silent", "script": "%1$s"}
                ]}
                """.formatted(idle, receiver.getAddress().getPort(), deadPort));
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
            receiver.stop(0);
        }
    }

    @Test
    void showsEachSinkWithoutSecretsAndFailsWhenOneFails() {
        CliRun.Result r = daemon.jsup("notify", "test", "alerted");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.out()).contains(MARKS.pass() + " webhook http://127.0.0.1:" + receiver.getAddress().getPort()
                + "  (alerted)  sent");
        assertThat(r.out()).contains(MARKS.fail() + " webhook http://127.0.0.1:" + deadPort + "  (alerted)  ");
        assertThat(r.out() + r.err()).doesNotContain("secret-path-123");
        assertThat(r.err()).contains("1 of 2 sink(s) failed");
        assertThat(received).anyMatch(j -> j.path("event").asText().equals("test")
                && j.path("text").asText().contains("alerted"));
    }

    @Test
    void jsonCarriesEverySink() throws Exception {
        CliRun.Result r = daemon.jsup("notify", "test", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).isEmpty();
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("sinks")).hasSize(2);
        assertThat(result.path("sinks").get(0).path("ok").asBoolean()).isTrue();
        assertThat(result.path("sinks").get(1).path("error").asText()).isNotEmpty();
    }

    @Test
    void anAppWithoutABlockIsAUsageErrorSayingWhatToAdd() {
        CliRun.Result r = daemon.jsup("notify", "test", "silent");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("silent has no notify block").contains("docs/notifications.md");
    }

    @Test
    void anUnknownAppIsExitThree() {
        CliRun.Result r = daemon.jsup("notify", "test", "nosuch");

        assertThat(r.exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
        assertThat(r.err()).contains("nosuch");
    }

    @Test
    void describeShowsTheReferenceNotTheResolvedUrl() {
        CliRun.Result r = daemon.jsup("describe", "alerted", "--json");

        assertThat(r.out()).contains("${HOOK_SECRET}").doesNotContain("secret-path-123")
                .contains("\"url\" : \"••••\"").doesNotContain("/hook\"");
    }
}
