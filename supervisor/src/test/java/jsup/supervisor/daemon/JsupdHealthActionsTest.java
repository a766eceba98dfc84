package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jsupd acting on health results, end to end: a real jsupd, real app processes (sh, python3 HTTP
 * servers, a python3 process holding inotify watches), real probes on 127.0.0.1, and
 * {@code healthmon.log} read back as written.
 */
class JsupdHealthActionsTest {

    private static final String PYTHON = "/usr/bin/python3";


    /** Answers every GET with the status in argv[2] on 127.0.0.1:argv[1]; SIGTERM ends it. */
    private static final String HTTP_SERVER = String.join("\n",
            "import http.server, sys",
            "status = int(sys.argv[2])",
            "class Handler(http.server.BaseHTTPRequestHandler):",
            "    def do_GET(self):",
            "        body = ('status %d\\n' % status).encode()",
            "        self.send_response(status)",
            "        self.send_header('Content-Length', str(len(body)))",
            "        self.end_headers()",
            "        self.wfile.write(body)",
            "    def log_message(self, *args):",
            "        pass",
            "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()",
            "");

    /** Holds one inotify instance watching argv[2] fresh folders under argv[1], until stopped. */
    private static final String INOTIFY_HOLDER = String.join("\n",
            "import ctypes, os, sys, time",
            "libc = ctypes.CDLL(None, use_errno=True)",
            "fd = libc.inotify_init()",
            "if fd < 0: sys.exit('inotify_init failed: errno %d' % ctypes.get_errno())",
            "for i in range(int(sys.argv[2])):",
            "    d = os.path.join(sys.argv[1], 'w%d' % i)",
            "    os.makedirs(d, exist_ok=True)",
            "    if libc.inotify_add_watch(fd, d.encode(), 0x100) < 0:",
            "        sys.exit('inotify_add_watch failed: errno %d' % ctypes.get_errno())",
            "while True:",
            "    time.sleep(1)",
            "");

    @TempDir
    Path tmp;

    private DaemonFixture fx;

    @BeforeEach
    void setUp() {
        assertThat(Path.of(PYTHON)).as("these tests run python3 apps; install python3").isExecutable();
        fx = new DaemonFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void anHttpProbeGetting500RestartsTheAppAndOneGetting200DoesNot() throws Exception {
        int badPort = freePort();
        int goodPort = freePort();
        Path server = pythonScript("server.py", HTTP_SERVER);
        // The first round comes after the servers listen, also when python3 starts slowly on a busy machine.
        String health = "\"interval\": \"300ms\", \"timeout\": \"5s\", \"failures\": 2, \"initial_delay\": \"5s\"";
        Path eco = fx.ecosystem("eco.json",
                pythonApp("bad", server, "\"" + badPort + "\", \"500\"",
                        "{\"http\": \"http://127.0.0.1:" + badPort + "/health\", " + health + "}"),
                pythonApp("good", server, "\"" + goodPort + "\", \"200\"",
                        "{\"http\": \"http://127.0.0.1:" + goodPort + "/health\", " + health + "}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        long badPid = app("bad").get("pid").asLong();

        await().atMost(WAIT).until(() -> app("bad").get("restarts").asInt() >= 1);
        assertThat(app("bad").at("/restart_history/0/reason").asText())
                .startsWith("health: http http://127.0.0.1:" + badPort + "/health HTTP 500")
                .endsWith("(2 in a row)");
        await().atMost(WAIT).until(() -> app("bad").get("status").asText().equals("online")
                && app("bad").get("pid").asLong() != badPid);
        assertThat(DaemonFixture.alive(badPid)).as("the stop path ended the old server").isFalse();
        assertThat(lines("bad")).anySatisfy(l -> assertThat(l.result() + " " + l.detail()).isEqualTo("FAIL HTTP 500"));

        await().atMost(WAIT).until(() -> okLines("good") >= 4);
        JsonNode good = app("good");
        assertThat(good.get("restarts").asInt()).isZero();
        assertThat(good.get("restart_history")).isEmpty();
        assertThat(good.get("health").asText()).isEqualTo("ok");
        assertThat(good.get("health_failures").asInt()).isZero();
        assertThat(good.at("/health_results/0/detail").asText()).isEqualTo("HTTP 200");
        assertThat(lines("good")).allSatisfy(l -> assertThat(l.result()).isEqualTo("ok"));
    }

    @Test
    void anExecProbeThatFailsRestartsTheAppAndOneThatPassesDoesNot() throws Exception {
        Path present = Files.writeString(tmp.resolve("ready"), "");
        Path missing = tmp.resolve("not-ready");
        String timing = "\"interval\": \"300ms\", \"timeout\": \"10s\", \"initial_delay\": \"300ms\"";
        Path eco = fx.ecosystem("eco.json",
                DaemonFixture.app("failing", fx.sleeper("failing"),
                        "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"test -e " + missing + "\"], " + timing + "}"),
                DaemonFixture.app("passing", fx.sleeper("passing"),
                        "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"test -e " + present + "\"], " + timing + "}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        long failingPid = app("failing").get("pid").asLong();

        await().atMost(WAIT).until(() -> app("failing").get("restarts").asInt() >= 1);
        assertThat(app("failing").at("/restart_history/0/reason").asText())
                .isEqualTo("health: exec /bin/sh -c test -e " + missing + " exit code 1");
        await().atMost(WAIT).until(() -> !DaemonFixture.alive(failingPid));

        await().atMost(WAIT).until(() -> okLines("passing") >= 4);
        JsonNode passing = app("passing");
        assertThat(passing.get("restarts").asInt()).isZero();
        assertThat(passing.get("restart_history")).isEmpty();
        assertThat(passing.at("/health_results/0/detail").asText()).isEqualTo("exit code 0");
    }

    @Test
    void actionLogLogsEveryFailureAndNeverRestarts() throws Exception {
        String probe = "echo not ready >&2; exit 3";
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("watched", fx.sleeper("watched"),
                "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"" + probe + "\"], \"interval\": \"200ms\","
                        + " \"failures\": 2, \"initial_delay\": \"200ms\", \"action\": \"log\"}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        long pid = app("watched").get("pid").asLong();

        // failures: 2, so 4 failed rounds reach the threshold twice; each time jsupd only logs.
        await().atMost(WAIT).until(() -> daemonLogLines("[watched] health check failed") >= 2);
        assertThat(daemonLog()).contains("[watched] health check failed: exec /bin/sh -c " + probe
                + " exit code 3: not ready (2 in a row) (action log: not restarting)");
        int failedLines = lines("watched").size();
        JsonNode app = app("watched");
        assertThat(app.get("status").asText()).isEqualTo("online");
        assertThat(app.get("pid").asLong()).isEqualTo(pid);
        assertThat(app.get("restarts").asInt()).isZero();
        assertThat(app.get("restart_history")).isEmpty();
        assertThat(app.get("health").asText()).isEqualTo("failing");
        // The streak keeps counting past the threshold: every failed round since the start.
        assertThat(app.get("health_failures").asInt()).isGreaterThanOrEqualTo(Math.max(4, failedLines - 1));
        assertThat(app.at("/health_results/0/ok").asBoolean()).isFalse();
        assertThat(app.at("/health_results/0/detail").asText()).isEqualTo("exit code 3: not ready");
        assertThat(lines("watched")).allSatisfy(l -> {
            assertThat(l.probe()).isEqualTo("exec /bin/sh -c " + probe);
            assertThat(l.result()).isEqualTo("FAIL");
            assertThat(l.detail()).isEqualTo("exit code 3: not ready");
        });
        assertThat(DaemonFixture.alive(pid)).isTrue();
    }

    @Test
    void noProbeRunsDuringTheInitialDelayAfterEachStart() throws Exception {
        Duration grace = Duration.ofMillis(1200);
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("grace", fx.sleeper("grace"),
                "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"exit 0\"], \"interval\": \"200ms\","
                        + " \"initial_delay\": \"" + grace.toMillis() + "ms\"}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        Instant started = Instant.parse(app("grace").get("started_at").asText());

        // healthmon.log stamps each round with its start, so the first line's time proves that no round
        // ran during the grace, however late this test looks at the file.
        await("a first round after the grace").atMost(WAIT).until(() -> !lines("grace").isEmpty());
        assertThat(lines("grace")).allSatisfy(l -> assertThat(l.at()).isAfterOrEqualTo(started.plus(grace)));

        fx.call("restart", DaemonFixture.args().put("target", "grace"));
        Instant restarted = Instant.parse(app("grace").get("started_at").asText());
        assertThat(restarted).isAfter(started);
        await().atMost(WAIT)
                .until(() -> lines("grace").stream().anyMatch(l -> l.at().isAfter(restarted)));
        assertThat(lines("grace")).filteredOn(l -> !l.at().isBefore(restarted))
                .allSatisfy(l -> assertThat(l.at()).isAfterOrEqualTo(restarted.plus(grace)));
    }

    @Test
    void probesPauseWhileTheAppIsStoppedAndResumeAfterStart() throws Exception {
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("paused", fx.sleeper("paused"),
                "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"exit 0\"], \"interval\": \"200ms\","
                        + " \"initial_delay\": \"200ms\"}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        await().atMost(WAIT).until(() -> lines("paused").size() >= 2);

        fx.call("stop", DaemonFixture.args().put("target", "paused"));
        Instant stoppedAt = Instant.now();
        int seen = lines("paused").size();
        // Five intervals with the app stopped: not one new round.
        await("no round while stopped").pollDelay(Duration.ZERO).during(Duration.ofMillis(1000))
                .atMost(WAIT).untilAsserted(() -> assertThat(lines("paused")).hasSize(seen));
        assertThat(lines("paused")).allSatisfy(l -> assertThat(l.at()).isBefore(stoppedAt));

        fx.call("start", DaemonFixture.args().put("target", "paused"));
        Instant started = Instant.parse(app("paused").get("started_at").asText());
        await().atMost(WAIT).until(() -> lines("paused").size() >= seen + 2);
        assertThat(lines("paused").subList(seen, lines("paused").size()))
                .allSatisfy(l -> assertThat(l.at()).isAfterOrEqualTo(started.plusMillis(200)));
        await().atMost(WAIT).until(() -> app("paused").get("health").asText().equals("ok"));
    }

    @Test
    void aSlowProbeOfOneAppDoesNotDelayAnotherAppsProbes() throws Exception {
        // The slow probe lasts until the test releases it: rounds of the fast one seen while it hangs
        // prove they do not wait for it, with no assumption on how many fit into a given time.
        Path slowStarted = tmp.resolve("slow-started");
        Path release = tmp.resolve("release");
        String slowProbe = "touch " + slowStarted + "; i=0; while [ ! -e " + release + " ] && [ $i -lt 1200 ];"
                + " do sleep 0.05; i=$((i+1)); done";
        Path eco = fx.ecosystem("eco.json",
                DaemonFixture.app("slow", fx.sleeper("slow"), "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"" + slowProbe + "\"],"
                        + " \"interval\": \"300ms\", \"timeout\": \"90s\", \"initial_delay\": \"200ms\"}"),
                DaemonFixture.app("fast", fx.sleeper("fast"), "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"exit 0\"],"
                        + " \"interval\": \"300ms\", \"timeout\": \"10s\", \"initial_delay\": \"200ms\"}"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        Instant lastFast;
        Instant slowRunning;
        try {
            await().atMost(WAIT).until(() -> Files.exists(slowStarted));
            slowRunning = Instant.now();
            await("three fast rounds while the slow probe hangs").atMost(WAIT)
                    .until(() -> lines("fast").stream().filter(l -> l.at().isAfter(slowRunning)).count() >= 3);
            assertThat(lines("slow")).as("the slow probe is still running").isEmpty();
            lastFast = lines("fast").get(lines("fast").size() - 1).at();
        } finally {
            Files.writeString(release, ""); // ends the probe's loop even when an assertion failed
        }
        await().atMost(WAIT).until(() -> !lines("slow").isEmpty());
        HealthLine slow = lines("slow").get(0);
        assertThat(slow.result()).isEqualTo("ok");
        assertThat(slow.at()).isBefore(slowRunning);
        assertThat(slow.at().plusMillis(slow.latencyMs())).isAfterOrEqualTo(lastFast);
    }

    @Test
    void inotifyUseIsShownAndTheWarningFiresWhenTheLimitIsLow() throws Exception {
        Path limits = tmp.resolve("proc-limits");
        setInotifyLimits(limits, 100_000_000, 1_000_000);
        ProcFs procWithFixtureLimits = new ProcFs(Path.of("/proc")) {
            @Override
            public Path file(String relative) {
                return relative.startsWith("sys/fs/inotify/") ? limits.resolve(relative) : super.file(relative);
            }
        };
        Path holder = pythonScript("holder.py", INOTIFY_HOLDER);
        Path watched = DaemonFixture.mkdirs(tmp.resolve("watched"));
        Path eco = fx.ecosystem("eco.json", pythonApp("watcher", holder, "\"" + watched + "\", \"5\"",
                "{\"inotify_warn\": 0.8, \"interval\": \"300ms\", \"initial_delay\": \"200ms\"}"));
        fx.start(procWithFixtureLimits);
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        await().atMost(WAIT).until(() -> app("watcher").path("inotify").path("watches").asLong() == 5);
        JsonNode inotify = app("watcher").get("inotify");
        assertThat(inotify.get("instances").asInt()).isEqualTo(1);
        assertThat(inotify.get("uid").asInt()).isEqualTo(uid());
        assertThat(inotify.get("user_watches").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(inotify.get("user_instances").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(inotify.get("max_user_watches").asLong()).isEqualTo(100_000_000);
        assertThat(inotify.get("max_user_instances").asLong()).isEqualTo(1_000_000);
        assertThat(app("watcher").get("inotify_warning").asBoolean()).isFalse();
        JsonNode listed = listed("watcher");
        assertThat(listed.at("/inotify/watches").asLong()).isEqualTo(5);
        assertThat(listed.at("/inotify/instances").asInt()).isEqualTo(1);

        // The user holds at least the app's 5 watches, so 80 % of a 5-watch limit is reached.
        setInotifyLimits(limits, 5, 1_000_000);
        await().atMost(WAIT).until(() -> app("watcher").get("inotify_warning").asBoolean());
        String detail = app("watcher").get("inotify_detail").asText();
        assertThat(detail).contains("of 5 watches").contains("warning at 80%")
                .contains("this app holds 5 watches in 1 instances");
        assertThat(listed("watcher").get("inotify_warning").asBoolean()).isTrue();
        assertThat(lines("watcher")).anySatisfy(l -> {
            assertThat(l.probe() + " " + l.result()).isEqualTo("inotify WARN");
            assertThat(l.detail()).contains("of 5 watches");
        });

        setInotifyLimits(limits, 100_000_000, 1_000_000);
        await().atMost(WAIT).until(() -> !app("watcher").get("inotify_warning").asBoolean());
        assertThat(app("watcher").get("inotify_detail").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** One line of healthmon.log: time, app, probe, ok/FAIL/WARN, latency, detail. */
    private record HealthLine(Instant at, String app, String probe, String result, long latencyMs, String detail) {
    }

    /** The healthmon.log lines of one app, in file order. */
    private List<HealthLine> lines(String app) {
        Path file = fx.home.healthLog();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<HealthLine> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t", 6);
                if (f.length == 6 && f[1].equals(app)) {
                    long latency = f[4].endsWith("ms") ? Long.parseLong(f[4].substring(0, f[4].length() - 2)) : -1;
                    out.add(new HealthLine(Instant.parse(f[0]), f[1], f[2], f[3], latency, f[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private long okLines(String app) {
        return lines(app).stream().filter(l -> l.result().equals("ok")).count();
    }

    private String daemonLog() throws IOException {
        return Files.exists(fx.home.daemonLog()) ? Files.readString(fx.home.daemonLog()) : "";
    }

    private long daemonLogLines(String containing) throws IOException {
        return daemonLog().lines().filter(l -> l.contains(containing)).count();
    }

    private JsonNode app(String name) throws Exception {
        return fx.call("describe", DaemonFixture.args().put("target", name)).at("/apps/0");
    }

    private JsonNode listed(String name) throws Exception {
        JsonNode apps = fx.call("list", DaemonFixture.args()).get("apps");
        return StreamSupport.stream(apps.spliterator(), false).filter(a -> a.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no app " + name + " in list: " + apps));
    }

    private Path pythonScript(String file, String text) {
        Path p = tmp.resolve(file);
        DaemonFixture.write(p, text);
        return p;
    }

    /** An app run by python3 with {@code args} (JSON array items) and a {@code health} block. */
    private static String pythonApp(String name, Path script, String args, String health) {
        return "{\"name\": \"" + name + "\", \"script\": \"" + script + "\", \"interpreter\": \"" + PYTHON + "\","
                + " \"args\": [" + args + "], \"min_uptime\": 200, \"kill_timeout\": 1000, \"health\": " + health + "}";
    }

    /** Replaces both fixture limit files at once (rename), so jsupd never reads a half-written one. */
    private static void setInotifyLimits(Path root, long maxUserWatches, long maxUserInstances) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/fs/inotify"));
        writeAtomically(dir.resolve("max_user_watches"), maxUserWatches + "\n");
        writeAtomically(dir.resolve("max_user_instances"), maxUserInstances + "\n");
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int uid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
