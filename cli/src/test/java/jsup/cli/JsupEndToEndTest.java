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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher against a real jsupd in a temp {@code $JSUP_HOME}: each step is one {@code jsup}
 * process, in the order a person would type them. What a step's outcome is checked with (an app's
 * entry in {@code list --json}) runs in this JVM: a launcher JVM costs up to a second of CPU on a
 * loaded machine, and {@link #listAsTableAndAsJson} proves {@code list --json} through the launcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsupEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Path tmp;

    private JsupLauncher jsup;
    private Path apps;
    private final List<Process> background = new ArrayList<>();

    @BeforeAll
    void setUp(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        apps = Files.createDirectories(tmp.resolve("apps"));
        jsup = new JsupLauncher(tmp.resolve("home"), Files.createDirectories(tmp.resolve("work")));
        script("web.sh", """
                #!/bin/bash
                trap 'echo "got USR2"' USR2
                i=0
                while true; do echo "tick $i"; i=$((i+1)); sleep 0.1; done
                """);
        script("chatty.sh", """
                #!/bin/bash
                echo ready
                while [ ! -e "$GO_FILE" ]; do sleep 0.05; done
                for b in $(seq 0 9); do
                  for i in $(seq 0 99); do echo "c $((b*100+i)) padding-padding-padding"; done
                  sleep 0.25
                done
                sleep 1000
                """);
        script("args.sh", """
                #!/bin/bash
                echo "args: $*"
                exec sleep 1000
                """);
        Files.writeString(apps.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "web", "script": "web.sh", "kill_timeout": 2000},
                  {"name": "chatty", "script": "chatty.sh", "autostart": false, "log_max_size": "4K",
                   "log_retain": 50, "env": {"GO_FILE": "%s"}}
                ]}
                """.formatted(apps.resolve("go")));
        Files.writeString(apps.resolve("bad.json"),
                "{\"apps\":[{\"name\":\"x\",\"script\":\"web.sh\",\"max_memory_restart\":\"500X\",\"min_uptime\":\"soon\"}]}");
    }

    @AfterAll
    void tearDown() throws Exception {
        for (Process p : background) {
            p.destroyForcibly();
        }
        jsup.killDaemon();
    }

    private void script(String name, String text) throws IOException {
        Path f = apps.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private JsupLauncher.Result ok(String... args) throws Exception {
        JsupLauncher.Result r = jsup.run(args);
        assertThat(r.exitCode()).as("jsup %s\n%s", String.join(" ", args), r).isZero();
        return r;
    }

    /** {@code jsup args…} in this JVM against the same home, where the launcher is not what a check is about. */
    private CliRun.Result inProcess(String... args) {
        return CliRun.run(Map.of("JSUP_HOME", jsup.home().toString()), args);
    }

    /** The app's entry in {@code list --json}, asked in this JVM; null when there is none. */
    private JsonNode app(String name) throws Exception {
        CliRun.Result r = inProcess("list", "--json");
        assertThat(r.exitCode()).as("jsup list --json\n%s%s", r.out(), r.err()).isZero();
        return app(JSON.readTree(r.out()), name);
    }

    private static JsonNode app(JsonNode list, String name) {
        for (JsonNode a : list) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private Path outLog(String name) {
        return jsup.home().resolve("logs").resolve(name + "-out.log");
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    @Order(1)
    void startFromAFileStartsTheDaemonAndTheApps() throws Exception {
        JsupLauncher.Result r = ok("start", "../apps/ecosystem.json");
        assertThat(r.out()).contains("[jsup] started: web").contains("registered, not started: chatty");
        assertThat(Files.getPosixFilePermissions(jsup.home().resolve("jsup.sock")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsupLauncher.Result again = ok("start", apps.resolve("ecosystem.json").toString());
        assertThat(again.out()).contains("already running (nothing changed): web");
    }

    @Test
    @Order(2)
    void startAScriptWithANameAndArguments() throws Exception {
        ok("start", apps.resolve("args.sh").toString(), "--name", "s1", "--", "alpha", "--beta");
        JsonNode described = JSON.readTree(ok("describe", "s1", "--json").out()).get(0);
        assertThat(described.path("config").path("args").toString()).isEqualTo("[\"alpha\",\"--beta\"]");
        await().atMost(WAIT).until(() -> read(outLog("s1")).contains("args: alpha --beta"));
    }

    @Test
    @Order(3)
    void listAsTableAndAsJson() throws Exception {
        String table = ok("list").out();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("id").contains("name", "pid", "status", "↺");
        assertThat(table).doesNotContain("\u001b[");
        assertThat(table.lines().filter(l -> l.split("\\s+")[1].equals("web")).findFirst().orElseThrow())
                .contains(" online ");
        JsonNode list = JSON.readTree(ok("list", "--json").out());
        JsonNode web = app(list, "web");
        assertThat(web.path("status").asText()).isEqualTo("online");
        assertThat(web.path("pid").asLong()).isPositive();
        assertThat(app(list, "chatty").path("status").asText()).isEqualTo("stopped");
        assertThat(ok("ls").out().lines().count()).isEqualTo(table.lines().count());
    }

    @Test
    @Order(4)
    void describeShowsStateLogsAndHistory() throws Exception {
        String d = ok("describe", "web").out();
        assertThat(d).contains("web (id 0)", "online", outLog("web").toString(), "Restart history", "kill_timeout");
        assertThat(d).contains("2s");
    }

    @Test
    @Order(5)
    void logsTailTheLastLines() throws Exception {
        await().atMost(WAIT).until(() -> read(outLog("web")).lines().count() >= 3);
        List<String> lines = ok("logs", "web", "--nostream", "--lines", "2", "--out").out().lines().toList();
        assertThat(lines).hasSize(2).allMatch(l -> l.matches("web out \\| tick \\d+"));
        String json = ok("logs", "web", "--nostream", "--lines", "1", "--out", "--json").out().trim();
        assertThat(JSON.readTree(json).path("message").asText()).startsWith("tick ");
    }

    @Test
    @Order(6)
    void logsFollowNewLinesAcrossRotations() throws Exception {
        ok("start", "chatty");
        await().atMost(WAIT).until(() -> read(outLog("chatty")).contains("ready"));
        Path followed = tmp.resolve("work/follow.out");
        Process follower = jsup.background(followed, "logs", "chatty", "--out", "--lines", "1");
        background.add(follower);
        await().atMost(WAIT).until(() -> read(followed).contains("chatty out | ready"));
        Files.createFile(apps.resolve("go"));
        await().atMost(WAIT).until(() -> read(followed).contains("c 999 "));
        follower.destroy();
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("chatty out \\| c (\\d+) ").matcher(read(followed));
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertThat(numbers).containsExactlyElementsOf(expected);
        try (Stream<Path> files = Files.list(jsup.home().resolve("logs"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("chatty-out")).count())
                    .as("the 4K log rotated").isGreaterThan(1);
        }
    }

    @Test
    @Order(7)
    void signalReachesTheApp() throws Exception {
        JsupLauncher.Result r = ok("signal", "USR2", "web");
        assertThat(r.out()).contains("sent USR2 to: web");
        await().atMost(WAIT).until(() -> read(outLog("web")).contains("got USR2"));
    }

    @Test
    @Order(8)
    void restartGivesANewProcessAndCountsIt() throws Exception {
        long before = app("web").path("pid").asLong();
        assertThat(ok("restart", "web").out()).contains("restarted: web");
        JsonNode web = app("web");
        assertThat(web.path("restarts").asInt()).isEqualTo(1);
        assertThat(web.path("pid").asLong()).isNotEqualTo(before).isPositive();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    @Order(9)
    void stopAndFlush() throws Exception {
        long pid = app("web").path("pid").asLong();
        assertThat(ok("stop", "web").out()).contains("stopped: web");
        assertThat(app("web").path("status").asText()).isEqualTo("stopped");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.size(outLog("web"))).isPositive();
        assertThat(ok("flush", "web").out()).contains("flushed logs of: web");
        assertThat(Files.size(outLog("web"))).isZero();
    }

    @Test
    @Order(10)
    void twoClisAtOnce() throws Exception {
        Path a = tmp.resolve("work/a.out");
        Path b = tmp.resolve("work/b.out");
        Process pa = jsup.background(a, "list", "--json");
        Process pb = jsup.background(b, "describe", "s1", "--json");
        assertThat(pa.waitFor(60, TimeUnit.SECONDS) && pb.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pa.exitValue()).as(read(a)).isZero();
        assertThat(pb.exitValue()).as(read(b)).isZero();
        assertThat(JSON.readTree(read(a)).size()).isEqualTo(3);
        assertThat(JSON.readTree(read(b)).get(0).path("name").asText()).isEqualTo("s1");
    }

    @Test
    @Order(11)
    void saveKillAndResurrect() throws Exception {
        assertThat(ok("save").out()).contains("saved 3 app(s)");
        assertThat(jsup.home().resolve("dump.json")).exists();
        long daemonPid = Long.parseLong(Files.readString(jsup.home().resolve("jsupd.pid")).trim());
        long s1 = app("s1").path("pid").asLong();

        JsupLauncher.Result killed = ok("kill");
        assertThat(killed.out()).contains("jsupd (pid " + daemonPid + ") stopped");
        assertThat(ProcessHandle.of(daemonPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(s1).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // The next command brings a daemon back, which restores the dump; resurrect then has nothing left to start.
        JsupLauncher.Result back = ok("resurrect");
        assertThat(back.out()).contains("restored from " + jsup.home().resolve("dump.json"));
        JsonNode list = JSON.readTree(ok("list", "--json").out());
        assertThat(app(list, "s1").path("status").asText()).isEqualTo("online");
        assertThat(app(list, "chatty").path("status").asText()).isEqualTo("online");
        assertThat(app(list, "web").path("status").asText()).as("stopped when saved").isEqualTo("stopped");
    }

    @Test
    @Order(12)
    void exitCodesForUserMistakes() throws Exception {
        JsupLauncher.Result unknown = jsup.run("describe", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
        assertThat(unknown.err()).contains("nope").doesNotContain("Exception");

        JsupLauncher.Result bad = jsup.run("start", apps.resolve("bad.json").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(bad.err()).contains("apps[0].max_memory_restart", "500X", "apps[0].min_uptime");

        // The launcher hands on the exit code and stderr as they are (above): the usage mistakes in this JVM.
        CliRun.Result usage = inProcess("start");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.err()).contains("jsup start --help");

        CliRun.Result missing = inProcess("start", "missing.json");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("missing.json");

        assertThat(inProcess("signal", "NOPE", "s1").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    @Order(13)
    void resetAndDelete() throws Exception {
        ok("restart", "s1");
        assertThat(app("s1").path("restarts").asInt()).isEqualTo(1);
        assertThat(ok("reset", "s1").out()).contains("reset counters of: s1");
        assertThat(app("s1").path("restarts").asInt()).isZero();
        assertThat(ok("delete", "s1").out()).contains("deleted: s1");
        assertThat(app("s1")).isNull();
    }

    @Test
    @Order(14)
    void webOpenPrintsAOneTimeDashboardLink() throws Exception {
        JsupLauncher.Result off = jsup.run("web", "open");
        assertThat(off.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(off.err()).contains("listener is off").contains("jsup web enable").doesNotContain("Exception");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(inProcess("web", "enable", "--port", Integer.toString(port)).exitCode()).isZero();
        try {
            String link = ok("web", "open").out().lines().findFirst().orElseThrow();
            assertThat(link).matches("http://127\\.0\\.0\\.1:" + port + "/login\\?code=[0-9a-f]{64}");
            CliRun.Result json = inProcess("web", "open", "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(JSON.readTree(json.out()).path("url").asText())
                    .startsWith("http://127.0.0.1:" + port + "/login?code=").isNotEqualTo(link);
            assertThat(JSON.readTree(json.out()).path("expires_in_s").asInt()).isEqualTo(60);
            assertThat(inProcess("web", "open", "--port", "1").exitCode()).isEqualTo(ExitCode.USAGE);
        } finally {
            inProcess("web", "disable");
        }
    }
}
