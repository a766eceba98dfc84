package jsup.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup run} through the real launcher: foreground engine, output, SIGTERM, auto-exit; and as a
 * container's init: as PID 1 of a fresh PID namespace ({@code unshare --pid --fork --mount-proc}) it reaps
 * orphans, forwards USR1/USR2, prints JSON lines and stops every app within its kill_timeout on SIGTERM,
 * exit 0; as a plain process it is a subreaper (orphans of its apps become its children and are reaped)
 * and {@code --exit-on-errored} exits 1.
 */
class JsupRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** The jsup run of a test that keeps it in the background. */
    private Process run;

    @AfterEach
    void release() {
        if (run != null) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void sigtermStopsEveryAppAndExitsZero() throws Exception {
        Path eco = tmp.resolve("eco.json");
        Files.writeString(eco, "{\"apps\":[{\"name\":\"loop\",\"script\":\"bash\",\"args\":[\"-c\","
                + "\"echo started $$; exec sleep 1000\"],\"kill_timeout\":1000}]}");
        JsupLauncher jsup = new JsupLauncher(tmp.resolve("home"), tmp);
        Path out = tmp.resolve("run.out");
        Process run = jsup.background(out, "run", eco.toString());
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> read(out).contains("loop out | started"));
            assertThat(read(out)).contains("loop: launching → online");
            Matcher m = Pattern.compile("started (\\d+)").matcher(read(out));
            assertThat(m.find()).isTrue();
            long app = Long.parseLong(m.group(1));
            run.destroy();
            assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(read(out)).isZero();
            assertThat(read(out)).contains("stopping every app", "every app stopped");
            assertThat(ProcessHandle.of(app).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(tmp.resolve("home/jsup.sock")).doesNotExist();
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void exitsByItselfWithCode1WhenAnAppErrored() throws Exception {
        Path eco = tmp.resolve("eco.json");
        Files.writeString(eco, "{\"apps\":[{\"name\":\"crash\",\"script\":\"sh\",\"args\":[\"-c\",\"exit 3\"],"
                + "\"max_restarts\":2,\"min_uptime\":\"5s\"}]}");
        JsupLauncher.Result r = new JsupLauncher(tmp.resolve("home"), tmp).run("run", eco.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.out()).contains("→ errored").contains("no app runs or will restart");
    }

    @Test
    void asPid1ItReapsOrphansForwardsSignalsAndStopsEverythingOnSigterm() throws Exception {
        assumeThat(unshareWorks()).as("unshare --pid --fork --mount-proc is permitted here").isTrue();
        Path eco = tmp.resolve("eco.json");
        // leaver: its subshell outlives it, so the subshell is re-parented to PID 1 and dies there.
        // trap: reports the signals it gets and ignores SIGTERM, so only the SIGKILL after kill_timeout ends it.
        Files.writeString(eco, "{\"apps\":["
                + "{\"name\":\"leaver\",\"script\":\"sh\",\"autorestart\":false,\"args\":[\"-c\","
                + "\"(sleep 0.2; sh -c 'echo $PPID' > orphan.tmp; mv orphan.tmp orphan) & echo forked; exit 0\"]},"
                + "{\"name\":\"trap\",\"script\":\"bash\",\"kill_timeout\":1000,\"args\":[\"-c\","
                + "\"trap 'echo got USR1' USR1; trap 'echo got USR2' USR2; trap 'echo ignoring TERM' TERM; "
                + "echo ready; while true; do sleep 0.05; done\"]}]}");
        Path out = tmp.resolve("run.out");
        ProcessBuilder pb = new JsupLauncher(tmp.resolve("home"), tmp).builder("run", "--json", eco.toString());
        pb.command().addAll(0, List.of("unshare", "--pid", "--fork", "--mount-proc"));
        run = pb.redirectOutput(out.toFile()).redirectError(tmp.resolve("run.err").toFile()).start();

        await().atMost(WAIT).until(() -> hasLine(out, "trap", "out", "ready") && hasLine(out, "leaver", "out", "forked"));
        long init = run.children().findFirst().orElseThrow().pid(); // bin/jsup execs the JVM: PID 1 inside
        assertThat(Files.readString(Path.of("/proc", Long.toString(init), "status"))).contains("NSpid:\t" + init + "\t1\n");

        signal("USR1", init);
        await().atMost(WAIT).until(() -> hasLine(out, "trap", "out", "got USR1"));
        signal("USR2", init);
        await().atMost(WAIT).until(() -> hasLine(out, "trap", "out", "got USR2"));

        // The orphan (its pid inside the namespace in the file) ended as a zombie of PID 1: it is reaped
        // (gone from the namespace's /proc), and no zombie remains there.
        Path nsProc = Path.of("/proc", Long.toString(init), "root", "proc");
        await().atMost(WAIT).until(() -> Files.exists(tmp.resolve("orphan")));
        String orphan = Files.readString(tmp.resolve("orphan")).trim();
        await().atMost(WAIT).until(() -> !Files.exists(nsProc.resolve(orphan)));
        await().atMost(WAIT).until(() -> zombies(nsProc).isEmpty()); // bash's sleeps are zombies for an instant

        signal("TERM", init);
        assertThat(run.waitFor(WAIT.toSeconds(), SECONDS)).as("jsup run ends after SIGTERM").isTrue();
        assertThat(run.exitValue()).as(Files.readString(out)).isZero();
        assertThat(hasLine(out, "trap", "jsup", "kill_timeout 1s passed: SIGKILL")).isTrue();
        assertThat(hasLine(out, null, "jsup", "every app stopped; exiting")).isTrue();
        for (String line : Files.readAllLines(out)) {
            assertThat(JSON.readTree(line).fieldNames()).toIterable()
                    .containsExactly("time", "app", "instance", "stream", "line");
        }
    }

    @Test
    void notPid1ItIsASubreaperAndExitOnErroredStopsEverythingWithExit1() throws Exception {
        Path eco = tmp.resolve("eco.json");
        // leaver: its subshell (the orphan) lives until the file go exists (it ignores the SIGTERM jsup sends
        // an exited app's leftovers). crash: errors once the test saw the orphan reaped (max_restarts 1
        // within min_uptime: it gives up at the first exit).
        Files.writeString(eco, "{\"apps\":["
                + "{\"name\":\"leaver\",\"script\":\"sh\",\"autorestart\":false,\"kill_timeout\":60000,"
                + "\"args\":[\"-c\",\"(trap '' TERM; while [ ! -f go ]; do sleep 0.05; done) & echo orphan $!; exit 0\"]},"
                + "{\"name\":\"crash\",\"script\":\"sh\",\"max_restarts\":1,\"min_uptime\":\"1h\",\"args\":[\"-c\","
                + "\"while [ ! -f reaped ]; do sleep 0.05; done; exit 3\"]},"
                + "{\"name\":\"long\",\"script\":\"sh\",\"kill_timeout\":1000,\"args\":[\"-c\","
                + "\"echo long $$; exec sleep 1000\"]}]}");
        Path out = tmp.resolve("run.out");
        run = new JsupLauncher(tmp.resolve("home"), tmp).background(out, "run", "--exit-on-errored", eco.toString());

        await().atMost(WAIT).until(() -> read(out).contains("leaver: online → stopped")
                && read(out).matches("(?s).*long +out \\| long \\d+.*"));
        long orphan = number(read(out), "leaver +out \\| orphan (\\d+)");
        long app = number(read(out), "long +out \\| long (\\d+)");
        assertThat(parentOf(orphan)).as("the orphan is re-parented to jsup run (a subreaper), not init")
                .isEqualTo(run.pid());

        Files.writeString(tmp.resolve("go"), "");
        await("orphan reaped").atMost(WAIT).until(() -> !Files.exists(Path.of("/proc", Long.toString(orphan))));

        Files.writeString(tmp.resolve("reaped"), "");
        assertThat(run.waitFor(WAIT.toSeconds(), SECONDS)).as("jsup run ends once crash is errored").isTrue();
        assertThat(run.exitValue()).as(read(out)).isEqualTo(ExitCode.FAILURE);
        assertThat(read(out)).contains("crash: online → errored", "--exit-on-errored", "long: stopping → stopped");
        assertThat(ProcessHandle.of(app).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    /** Whether {@code out} has a JSON line of {@code app} (null: jsup's own) on {@code stream} starting with {@code line}. */
    private static boolean hasLine(Path out, String app, String stream, String line) throws IOException {
        for (String l : read(out).split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(l);
            if ((app == null ? n.get("app").isNull() : app.equals(n.get("app").asText()))
                    && stream.equals(n.get("stream").asText()) && n.get("line").asText().startsWith(line)) {
                return true;
            }
        }
        return false;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(WAIT.toSeconds(), SECONDS) && kill.exitValue() == 0).as("kill -s " + name).isTrue();
    }

    /** Field 4 of /proc/PID/stat. */
    private static long parentOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    /** The pids of the zombies in {@code proc}. */
    private static List<String> zombies(Path proc) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(proc)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                        found.add(d.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return found;
    }

    private static boolean unshareWorks() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
