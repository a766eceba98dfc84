package jsup.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import jsup.cli.JsupLauncher;
import jsup.cli.doctor.TempDaemon;
import jsup.supervisor.control.ControlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the CLI starts jsupd and when it must not, and how it gives up on one that cannot answer:
 * a clean {@code jsup kill} stays in force for read-only commands, a SIGSTOPped jsupd ends every
 * command with exit 4 naming its pid, and a jsupd that cannot start is reported at once.
 */
class DaemonLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private TempDaemon daemon;
    private long stoppedPid = -1;

    @AfterEach
    void tearDown() throws Exception {
        if (stoppedPid > 0) {
            signal("CONT", stoppedPid);
        }
        if (daemon != null) {
            daemon.close();
        }
        JsupLauncher.killAll(tmp.toString());
    }

    /** The apps' min_uptime is 200 ms: a start waits that long for them to settle (1 s by default). */
    private Path ecosystem(String appsJson) throws IOException {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        // Says when SIGTERM is ignored, so a test knows that a stop will last the whole kill_timeout.
        TempDaemon.script(apps.resolve("loop.sh"), "#!/bin/bash\ntrap '' TERM\necho \"loop up\"\ntouch \"$0.ready\"\n"
                + "while true; do sleep 0.2; done\n");
        return Files.writeString(apps.resolve("eco.json"), appsJson);
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = daemon.jsup(args);
        assertThat(r.exitCode()).as("jsup %s\n%s%s", String.join(" ", args), r.out(), r.err()).isZero();
        return r;
    }

    private long daemonPid() throws IOException {
        return Long.parseLong(Files.readString(daemon.home().resolve("jsupd.pid")).trim());
    }

    private static void signal(String sig, long pid) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    @Test
    void afterACleanKillReadOnlyCommandsSayNoDaemonRunsAndOnlyResurrectBringsTheAppsBack() throws Exception {
        daemon = new TempDaemon(tmp.resolve("home"));
        Path eco = ecosystem("{\"apps\":[{\"name\":\"loop\",\"script\":\"loop.sh\",\"kill_timeout\":500,\"min_uptime\":200}]}");
        ok("start", eco.toString());
        await().atMost(WAIT).until(() -> ok("logs", "loop", "--nostream", "--out").out().contains("loop up"));
        ok("save");
        ok("kill");
        Path script = tmp.resolve("apps/loop.sh");
        assertThat(JsupLauncher.processesOf(script.toString())).isEmpty();

        for (String[] readOnly : new String[][] {{"list"}, {"list", "--json"}, {"ping"}, {"describe", "loop"},
                {"health", "loop"}, {"env", "loop"}, {"stop", "loop"}}) {
            CliRun.Result r = daemon.jsup(readOnly);
            assertThat(r.exitCode()).as(String.join(" ", readOnly)).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
            assertThat(r.err()).as(String.join(" ", readOnly))
                    .contains("no jsupd is running for " + daemon.home(), "jsup resurrect", "jsup start")
                    .doesNotContain("Exception");
        }
        // logs reads the files without a jsupd: by app name, exit 3 for a name with no file
        CliRun.Result logs = daemon.jsup("logs", "loop", "--nostream");
        assertThat(logs.exitCode()).as("%s", logs).isZero();
        assertThat(logs.out()).contains("loop up");
        assertThat(logs.err()).contains("jsupd is not running", daemon.home().resolve("logs").toString());
        CliRun.Result unknown = daemon.jsup("logs", "nosuch", "--nostream");
        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(ExitCode.UNKNOWN_APP);
        assertThat(unknown.err()).contains("'nosuch'", "jsup resurrect").doesNotContain("Exception");

        assertThat(daemon.home().resolve("jsup.sock")).doesNotExist();
        assertThat(daemon.home().resolve("jsupd.pid")).doesNotExist();
        assertThat(JsupLauncher.processesOf(script.toString())).as("no app was brought back").isEmpty();

        ok("resurrect");
        await().atMost(WAIT).until(() -> JsupLauncher.processesOf(script.toString()).size() == 1);
        assertThat(ok("list").out()).contains("loop").contains("online");
        assertThat(daemon.home().resolve("jsupd.stopped")).as("a started jsupd removes the mark").doesNotExist();
    }

    @Test
    void afterACrashTheNextReadOnlyCommandRestartsJsupdWithItsApps() throws Exception {
        daemon = new TempDaemon(tmp.resolve("home"));
        Path eco = ecosystem("{\"apps\":[{\"name\":\"loop\",\"script\":\"loop.sh\",\"kill_timeout\":500,\"min_uptime\":200}]}");
        ok("start", eco.toString());
        long first = daemonPid();
        Path state = daemon.home().resolve("state.json");
        await().atMost(WAIT).until(() -> Files.exists(state) && Files.readString(state).contains("\"loop\""));
        signal("KILL", first);
        await().atMost(WAIT).until(() -> !JsupLauncher.alive(first));

        CliRun.Result list = ok("list");
        assertThat(list.out()).contains("loop");
        assertThat(daemonPid()).isNotEqualTo(first);
    }

    @Test
    void aStoppedJsupdEndsEveryCommandWithExit4NamingItsPid() throws Exception {
        daemon = new TempDaemon(tmp.resolve("home"));
        ok("ping");
        long pid = daemonPid();
        signal("STOP", pid);
        stoppedPid = pid;
        await().atMost(WAIT).until(() -> state(pid) == 'T');

        JsupLauncher launcher = new JsupLauncher(daemon.home(), Files.createDirectories(tmp.resolve("work")));
        // Through the real launcher: the fast path for list gives up, and the full client explains.
        JsupLauncher.Result list = launcher.run("list");
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        assertThat(list.err()).contains("pid " + pid, "kill -CONT " + pid).doesNotContain("Exception");

        // Each waits out its own ping timeout; at once, the three cost one.
        String[][] commands = {{"describe", "x"}, {"start", "x"}, {"ping", "--json"}};
        ExecutorService threads = Executors.newFixedThreadPool(commands.length);
        List<Future<CliRun.Result>> runs;
        try {
            runs = Stream.of(commands).map(args -> threads.submit(() -> daemon.jsup(args))).toList();
        } finally {
            threads.shutdown();
        }
        for (int i = 0; i < commands.length; i++) {
            String[] args = commands[i];
            CliRun.Result r = runs.get(i).get(60, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
            assertThat(r.err()).as(String.join(" ", args)).contains("pid " + pid, "is not answering");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("no second jsupd replaced it").contains(true);
        assertThat(UnresponsiveDaemon.pid(daemon.home().resolve("jsupd.pid"))).isEqualTo(pid);
    }

    @Test
    void aLongStopStillWaitsButAJsupdStoppedDuringItEndsTheCommandWithExit4() throws Exception {
        daemon = new TempDaemon(tmp.resolve("home"));
        // The app ignores SIGTERM, so each stop lasts its whole kill_timeout, longer than a liveness interval.
        Path eco = ecosystem("{\"apps\":[{\"name\":\"slow\",\"script\":\"loop.sh\",\"kill_timeout\":6000,\"min_uptime\":200}]}");
        ok("start", eco.toString());
        CliRun.Result stopped = ok("stop", "slow");
        assertThat(stopped.out()).contains("slow");

        Path ready = tmp.resolve("apps/loop.sh.ready");
        Files.deleteIfExists(ready);
        ok("start", "slow");
        await().atMost(WAIT).until(() -> Files.exists(ready));
        long pid = daemonPid();
        CompletableFuture<CliRun.Result> stop = CompletableFuture.supplyAsync(() -> daemon.jsup("stop", "slow"));
        try (ControlClient c = ControlClient.connect(daemon.home())) {
            await().atMost(WAIT).until(() -> {
                JsonNode app = c.list().path("apps").get(0);
                return "stopping".equals(app.path("status").asText());
            });
        }
        signal("STOP", pid);
        stoppedPid = pid;
        CliRun.Result r = stop.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        assertThat(r.err()).contains("pid " + pid, "stopped answering while \"stop\" ran");
    }

    @Test
    void aSocketPathLinuxCannotBindIsRefusedBeforeStartingJsupd() throws Exception {
        Path home = tmp.resolve("h".repeat(Math.max(1, 120 - tmp.toString().length())));
        CliRun.Result r = CliRun.run(Map.of("JSUP_HOME", home.toString()), "ping");
        assertThat(r.exitCode()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        assertThat(r.err()).contains(home.resolve("jsup.sock").toString(), "limited to 107 bytes", "JSUP_HOME")
                .doesNotContain("Exception");
        assertThat(home.resolve("jsupd.pid")).doesNotExist();
    }

    @Test
    void aJsupdThatDiesAtStartIsReportedAtOnceWithItsExitCode() {
        Path home = tmp.resolve("home");
        CliRun.Result r = CliRun.run(Map.of("JSUP_HOME", home.toString(),
                "JSUPD_JAVA_OPTS", "-XX:+NoSuchOptionForJsupTests"), "ping");
        assertThat(r.exitCode()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        assertThat(r.err()).contains("jsupd exited with code", "NoSuchOptionForJsupTests")
                .doesNotContain("within 30 s");
    }
}
