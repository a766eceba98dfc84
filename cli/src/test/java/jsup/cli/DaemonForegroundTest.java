package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.control.ControlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup daemon} in the foreground, as a systemd unit runs it: {@code jsup ping} answers with its
 * pid, a second {@code jsup daemon} on the same home fails fast naming it, {@code jsup reload}
 * restarts an app, and SIGTERM stops the apps, writes the dump and exits 0.
 */
class DaemonForegroundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private JsupLauncher jsup;
    private Process daemon;

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
        JsupLauncher.killAll(tmp.toString());
    }

    private JsupLauncher.Result ok(String... args) throws Exception {
        JsupLauncher.Result r = jsup.run(args);
        assertThat(r.exitCode()).as("jsup %s\n%s", String.join(" ", args), r).isZero();
        return r;
    }

    private JsonNode app(String name) throws Exception {
        try (ControlClient c = ControlClient.connect(jsup.home())) {
            return c.describe(name).path("apps").get(0);
        }
    }

    @Test
    void foregroundDaemonAnswersReloadsAndStopsCleanlyOnSigterm() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        Path script = apps.resolve("web.sh");
        // One process for its whole life: a loop would fork subshells that carry the script's name too.
        // exec -a keeps the script's path in the command line that processesOf looks for.
        Files.writeString(script, "#!/bin/bash\nexec -a \"$0\" sleep 100000\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(apps.resolve("ecosystem.json"),
                "{\"apps\": [{\"name\": \"web\", \"script\": \"web.sh\", \"kill_timeout\": 1000}]}");
        Path work = Files.createDirectories(tmp.resolve("work"));
        jsup = new JsupLauncher(tmp.resolve("home"), work);

        Path daemonOut = work.resolve("daemon.out");
        daemon = jsup.background(daemonOut, "daemon");
        long pid = daemon.pid(); // bin/jsup execs java: this is jsupd itself
        // Wait for the socket before any jsup command, or that command would start a detached jsupd of its own.
        await().atMost(WAIT).until(() -> {
            assertThat(daemon.isAlive()).as("jsup daemon exited: %s", read(daemonOut)).isTrue();
            try (ControlClient c = ControlClient.connect(jsup.home())) {
                return c.ping().path("pid").asLong() == pid;
            } catch (Exception notYet) {
                return false;
            }
        });

        // ping
        assertThat(ok("ping").out()).startsWith("pong: jsupd pid " + pid + ", version ").contains(" 0 app(s)",
                "home " + jsup.home());
        JsonNode pong = JSON.readTree(ok("ping", "--json").out());
        assertThat(pong.path("pong").asBoolean()).isTrue();
        assertThat(pong.path("pid").asLong()).isEqualTo(pid);
        assertThat(pong.path("protocol").asInt()).isEqualTo(1);

        // a second daemon on the same home fails fast, names the running one and disturbs nothing
        long before = System.nanoTime();
        JsupLauncher.Result second = jsup.run("daemon");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.FAILURE);
        // A JVM start on a busy machine takes seconds; the bound only says it did not wait for anything.
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
        assertThat(second.err()).contains("already running for " + jsup.home(), "(pid " + pid + ")", "jsup kill")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(second.err().strip().lines()).hasSize(1);
        assertThat(jsup.daemonPid()).isEqualTo(pid);
        assertThat(daemon.isAlive()).isTrue();

        // reload: a single-process app is restarted, a new process replaces the old one
        ok("start", apps.resolve("ecosystem.json").toString());
        await().atMost(WAIT).until(() -> JsupLauncher.processesOf(script.toString()).size() == 1);
        long oldWeb = app("web").path("pid").asLong();
        // The launcher's memory flags (docs/benchmarks.md, "jsupd's memory") reach jsupd itself.
        assertThat(commandLine(pid)).contains("-XX:CICompilerCount=1", "-XX:TrimNativeHeapInterval=5000");
        assertThat(JsupLauncher.processesOf(script.toString())).containsExactly(oldWeb);
        JsupLauncher.Result reloaded = ok("reload", "web");
        assertThat(reloaded.out()).contains("reloaded (restarted): web").contains(" online ");
        JsonNode web = app("web");
        long newWeb = web.path("pid").asLong();
        assertThat(newWeb).isPositive().isNotEqualTo(oldWeb);
        assertThat(web.path("restarts").asInt()).isEqualTo(1);
        assertThat(web.path("restart_history").get(0).path("reason").asText()).isEqualTo("manual");
        assertThat(JsupLauncher.alive(oldWeb)).isFalse();
        assertThat(JsupLauncher.processesOf(script.toString())).containsExactly(newWeb);
        JsupLauncher.Result unknown = jsup.run("reload", "nope");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.UNKNOWN_APP);

        // SIGTERM: every app stopped, the dump written, exit 0
        daemon.destroy();
        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).as("jsupd exits after SIGTERM").isTrue();
        assertThat(daemon.exitValue()).as(read(daemonOut)).isZero();
        assertThat(JsupLauncher.alive(newWeb)).isFalse();
        assertThat(JsupLauncher.processesOf(script.toString())).isEmpty();
        JsonNode dump = JSON.readTree(jsup.home().resolve("dump.json").toFile());
        assertThat(dump.path("apps")).hasSize(1);
        assertThat(dump.at("/apps/0/name").asText()).isEqualTo("web");
        assertThat(dump.at("/apps/0/running").asBoolean()).as("saved as running: %s", dump).isTrue();
        assertThat(jsup.home().resolve("jsup.sock")).doesNotExist();
        assertThat(jsup.home().resolve("jsupd.pid")).doesNotExist();
    }

    private static List<String> commandLine(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).split("\0"));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
