package jsup.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import jsup.cli.render.Ansi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup doctor} against a real jsupd in a temp home: app "web" (a python HTTP server jsupd
 * supervises) and app "gateway" (registered, not started) whose http probe points at a port this
 * test JVM holds, and whose {@code clear_stale_locks} glob matches a lock of a dead pid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Marks MARKS = Marks.forStdout(Ansi.OFF);

    private Path tmp;

    private TempDaemon daemon;
    private ServerSocket foreign;
    private int webPort;
    private long deadPid;
    private Path staleLock;
    private Path liveLock;

    @BeforeAll
    void startDaemonWithApps(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        foreign = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        webPort = freePort();
        Path locks = Files.createDirectories(tmp.resolve("locks"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        deadPid = gone.pid();
        staleLock = Files.writeString(locks.resolve("gateway.lock"), Long.toString(deadPid));
        liveLock = Files.writeString(locks.resolve("live.lock"),
                "{\"pid\": " + ProcessHandle.current().pid() + "}");
        TempDaemon.script(tmp.resolve("web.sh"), "#!/bin/sh\nexec python3 -m http.server --bind 127.0.0.1 \"$PORT\"\n");
        TempDaemon.script(tmp.resolve("idle.sh"), "#!/bin/sh\nexec sleep 1000\n");
        Files.writeString(tmp.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "web", "script": "%s", "env": {"PORT": "%d"}, "kill_timeout": "2s",
                   "health": {"tcp": "127.0.0.1:%d", "interval": "5m", "initial_delay": "5m"}},
                  {"name": "gateway", "script": "%s", "autostart": false,
                   "health": {"http": "http://localhost:%d/health", "interval": "5m"},
                   "pre_start": [{"clear_stale_locks": "%s/*.lock"}]}
                ]}
                """.formatted(tmp.resolve("web.sh"), webPort, webPort, tmp.resolve("idle.sh"),
                foreign.getLocalPort(), locks));
        daemon = new TempDaemon(tmp.resolve("home"));
        CliRun.Result started = daemon.jsup("start", tmp.resolve("ecosystem.json").toString());
        assertThat(started.exitCode()).as(started.toString()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> listening(webPort));
    }

    @AfterAll
    void stopEverything() throws IOException {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            foreign.close();
        }
    }

    @Test
    void namesAForeignListenerOnAConfiguredPortAndPassesTheSupervisedOne() {
        CliRun.Result r = daemon.jsup("doctor");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        String foreignLine = line(r.out(), "port " + foreign.getLocalPort() + " (gateway)");
        assertThat(foreignLine).startsWith(MARKS.fail())
                .contains("held by pid " + ProcessHandle.current().pid() + " (")
                .contains("java")
                .contains("which jsup does not supervise");
        assertThat(after(r.out(), foreignLine)).contains("fix: stop it (kill " + ProcessHandle.current().pid() + ")");
        assertThat(line(r.out(), "port " + webPort + " (web)")).startsWith(MARKS.pass()).contains("held by web");
        assertThat(line(r.out(), "jsupd")).startsWith(MARKS.pass()).contains("mode 0600");
        assertThat(line(r.out(), "apps")).contains("2 from jsupd: web, gateway");
        assertThat(r.err()).contains("check(s) failed");
    }

    @Test
    void findsTheStaleLockMatchingAnAppsGlobAndLeavesTheLiveOne() {
        CliRun.Result r = daemon.jsup("doctor");

        String locks = line(r.out(), "stale locks (gateway)");
        assertThat(locks).startsWith(MARKS.fail())
                .contains(staleLock.toString())
                .contains("pid " + deadPid + " is not running")
                .doesNotContain(liveLock.toString());
        assertThat(after(r.out(), locks)).contains("fix: ").contains("rm " + staleLock);
        assertThat(staleLock).exists();
    }

    @Test
    void jsonIsAnArrayOfChecksForScripts() throws Exception {
        CliRun.Result r = daemon.jsup("doctor", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).isEmpty();
        JsonNode checks = JSON.readTree(r.out());
        assertThat(checks.isArray()).isTrue();
        Map<String, JsonNode> byName = new HashMap<>();
        checks.forEach(c -> byName.put(c.path("name").asText(), c));
        assertThat(byName).containsKeys("java", "jsupd", "apps", "inotify", "disk",
                "port " + webPort + " (web)", "stale locks (gateway)");
        JsonNode foreignPort = byName.get("port " + foreign.getLocalPort() + " (gateway)");
        assertThat(foreignPort.path("ok").asBoolean()).isFalse();
        assertThat(foreignPort.path("detail").asText()).contains("pid " + ProcessHandle.current().pid());
        assertThat(foreignPort.path("fix").asText()).contains("kill " + ProcessHandle.current().pid());
        assertThat(byName.get("jsupd").path("ok").asBoolean()).isTrue();
        assertThat(byName.get("jsupd").path("fix").asText()).isEmpty();
    }

    @Test
    void appsOfAFileWithNothingWrongPass() throws Exception {
        Path clean = Files.writeString(tmp.resolve("clean.json"), """
                {"name": "web", "script": "%s", "health": {"tcp": "127.0.0.1:%d"}}
                """.formatted(tmp.resolve("web.sh"), webPort));

        CliRun.Result r = daemon.jsup("doctor", clean.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("apps").contains("1 from " + clean + ": web").contains("all ")
                .contains(" checks passed");
        assertThat(line(r.out(), "port " + webPort + " (web)")).startsWith(MARKS.pass());
    }

    @Test
    void fixWritesTheSysctlFileUnderTheGivenRoot() throws Exception {
        // This JVM holds an inotify watch; a ratio this small makes one watch cross it on any machine.
        Path eco = Files.writeString(tmp.resolve("watcher.json"), """
                {"name": "watcher", "script": "%s", "health": {"inotify_warn": 1e-9}}
                """.formatted(tmp.resolve("idle.sh")));
        Path root = tmp.resolve("root");
        Map<String, String> env = Map.of("JSUP_DOCTOR_ROOT", root.toString());
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

            CliRun.Result before = daemon.jsup(env, "doctor", eco.toString());
            assertThat(before.exitCode()).as(before.toString()).isEqualTo(ExitCode.FAILURE);
            String inotify = line(before.out(), "inotify");
            assertThat(inotify).startsWith(MARKS.fail()).contains("watches");
            assertThat(after(before.out(), inotify)).contains("fix: jsup doctor --fix");
            assertThat(root).doesNotExist();

            CliRun.Result fixed = daemon.jsup(env, "doctor", eco.toString(), "--fix");
            assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
            Path conf = root.resolve("etc/sysctl.d/99-jsup-inotify.conf");
            assertThat(fixed.out()).contains("fixed: wrote " + conf).contains("not applied");
            String text = Files.readString(conf);
            assertThat(text).contains("fs.inotify.max_user_instances=");
            long watches = Long.parseLong(text.replaceAll("(?s).*fs\\.inotify\\.max_user_watches=(\\d+).*", "$1"));
            assertThat(watches).isGreaterThanOrEqualTo(524288);
        }
    }

    @Test
    void neverStartsADaemon() {
        Path cold = tmp.resolve("cold-home");

        CliRun.Result r = CliRun.run(Map.of("JSUP_HOME", cold.toString()), "doctor");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        String jsupd = line(r.out(), "jsupd");
        assertThat(jsupd).startsWith(MARKS.fail()).contains("not answering");
        assertThat(after(r.out(), jsupd)).contains("fix: start it: jsup resurrect");
        assertThat(line(r.out(), "apps")).contains("none to check");
        assertThat(cold.resolve("jsup.sock")).doesNotExist();
        assertThat(cold.resolve("jsupd.pid")).doesNotExist();
    }

    @Test
    void aMissingFileIsAUsageErrorAndABadFileListsItsProblems() throws Exception {
        CliRun.Result missing = daemon.jsup("doctor", tmp.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.json");

        Path bad = Files.writeString(tmp.resolve("bad.json"),
                "{\"name\": \"x\", \"script\": \"idle.sh\", \"health\": {\"tcp\": \"nohost\"}}");
        CliRun.Result invalid = daemon.jsup("doctor", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(invalid.err()).contains("health").contains("nohost");
    }

    @Test
    void helpExplainsEveryCheck() {
        CliRun.Result r = daemon.jsup("doctor", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: jsup doctor", "--fix", "--json", "java", "jsupd", "inotify",
                "port N (app)", "stale locks", "disk", "sudo").doesNotContain("--root-dir");
    }

    /** The report line of check {@code name}. */
    private static String line(String out, String name) {
        for (String l : out.split("\n")) {
            String rest = l.startsWith(MARKS.pass()) ? l.substring(MARKS.pass().length())
                    : l.startsWith(MARKS.fail()) ? l.substring(MARKS.fail().length()) : null;
            if (rest != null && rest.stripLeading().startsWith(name + " ")) {
                return l;
            }
        }
        throw new AssertionError("no line for check '" + name + "' in:\n" + out);
    }

    /** The indented lines following {@code line}: its fix and what --fix did. */
    private static String after(String out, String line) {
        StringBuilder sb = new StringBuilder();
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                for (int j = i + 1; j < lines.length && lines[j].startsWith("    "); j++) {
                    sb.append(lines[j]).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
