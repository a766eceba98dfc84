package jsup.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jsup.cli.CliContext;
import jsup.cli.JsupCli;
import jsup.cli.JsupLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path against a real jsupd: every command it takes prints byte for byte what the picocli
 * command prints for the same daemon state, and everything else is left to picocli untouched.
 * Apps are stopped or errored before comparing, so no figure (uptime, cpu, memory) moves between runs.
 * The tests share that daemon read-only, so each stands alone and any order works; the one that
 * needs an empty daemon has its own home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Path tmp;
    private JsupLauncher jsup;

    /** What one in-process run printed. */
    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    void startApps(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        script(apps, "idle.sh", "#!/bin/bash\nwhile true; do sleep 0.2; done\n");
        script(apps, "crash.sh", "#!/bin/bash\necho 'bad \"quote\" \\\\ and tab\t' >&2\nexit 3\n");
        Files.writeString(apps.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "web", "script": "idle.sh"},
                  {"name": "wörker-名前", "script": "idle.sh", "namespace": "ns \\"x\\""},
                  {"name": "crash", "script": "crash.sh", "max_restarts": 2, "min_uptime": 5000,
                   "restart_delay": 10}
                ]}
                """);
        jsup = new JsupLauncher(tmp.resolve("home"), Files.createDirectories(tmp.resolve("work")));
        // crash ends errored within its start window, so the start says so (exit 1); the others are up.
        JsupLauncher.Result started = jsup.run("start", apps.resolve("ecosystem.json").toString());
        assertThat(started.exitCode()).as(started.toString()).isEqualTo(1);
        // The rest in this JVM: a launcher per step (and per poll) only cost time, the daemon is what counts.
        full(false, "stop", "web");
        full(false, "stop", "wörker-名前");
        await().atMost(WAIT).until(() -> full(false, "list").out().lines()
                .filter(l -> l.contains("crash")).anyMatch(l -> l.contains("errored")));
    }

    @AfterAll
    void stopDaemon() throws Exception {
        if (jsup != null) {
            jsup.killDaemon();
        }
        JsupLauncher.killAll(tmp.toString());
    }

    @Test
    void listPrintsWhatThePicocliCommandPrints() {
        for (String name : new String[] {"list", "ls", "status", "l", "ps"}) {
            for (boolean colour : new boolean[] {false, true}) {
                Run fast = fast(colour, name);
                Run full = full(colour, name);
                assertThat(fast.code()).as("jsup %s handled by the fast path", name).isZero();
                assertThat(fast.out()).as("jsup %s, colour %s", name, colour).isEqualTo(full.out());
                assertThat(fast.err()).isEmpty();
            }
        }
        String table = fast(false, "list").out();
        assertThat(table).contains("web", "wörker-名前", "crash", "errored", "stopped");
        assertThat(fast(true, "list").out()).contains("\u001b[").contains("┌");
    }

    @Test
    void listJsonPrintsWhatThePicocliCommandPrints() {
        Run fast = fast(false, "list", "--json");
        assertThat(fast.code()).isZero();
        assertThat(fast.out()).isEqualTo(full(false, "list", "--json").out())
                .startsWith("[ {").contains("\"name\" : \"wörker-名前\"").endsWith("} ]\n")
                .contains("\"metrics\" : {", "\"restarts_total\" : {"); // the figures of /metrics (docs/metrics.md)
        assertThat(fast(false, "status", "--json").out()).isEqualTo(full(false, "status", "--json").out());
    }

    @Test
    void versionPrintsWhatThePicocliCommandPrintsWithoutADaemon() {
        Path none = tmp.resolve("home-never-started");
        for (String name : new String[] {"version", "--version", "-V"}) {
            Run fast = fast(none, false, name);
            assertThat(fast.code()).as("jsup %s handled by the fast path", name).isZero();
            assertThat(fast.out()).as(name).isEqualTo(full(none, false, name).out()).startsWith("jsup ");
        }
        assertThat(none).as("no daemon was started").doesNotExist();
    }

    @Test
    void pingPrintsWhatThePicocliCommandPrints() {
        Run fast = fast(false, "ping");
        assertThat(fast.code()).isZero();
        assertThat(fast.out()).matches("pong: jsupd pid \\d+, version .+, up \\d+[smhD], 3 app\\(s\\), home .+\n");
        assertThat(withoutUptime(fast.out())).isEqualTo(withoutUptime(full(false, "ping").out()));
        Run json = fast(false, "ping", "--json");
        assertThat(json.code()).isZero();
        assertThat(withoutUptime(json.out())).isEqualTo(withoutUptime(full(false, "ping", "--json").out()))
                .contains("\"pong\" : true");
    }

    @Test
    void anythingElseIsLeftToPicocliWithNothingPrinted() {
        String[][] others = {{}, {"list", "--help"}, {"list", "-h"}, {"list", "--json", "x"}, {"ls", "web"},
            {"ping", "--JSON"}, {"describe", "web"}, {"--json", "list"}, {"lists"}};
        for (String[] args : others) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = FastCommands.run(context(env(jsup.home()), out, err, false), args);
            assertThat(code).as("jsup %s", String.join(" ", args)).isEqualTo(FastCommands.NOT_HANDLED);
            assertThat(out.toString() + err).isEmpty();
        }
    }

    @Test
    void noDaemonIsLeftToPicocliWhichStartsOne() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-daemon"));
        StringWriter out = new StringWriter();
        int code = FastCommands.run(context(env(empty), out, new StringWriter(), false), new String[] {"list"});
        assertThat(code).isEqualTo(FastCommands.NOT_HANDLED);
        assertThat(out.toString()).isEmpty();
        assertThat(empty.resolve("jsup.sock")).doesNotExist();
    }

    @Test
    void anEmptyListPrintsTheSameHint() throws Exception {
        // Its own daemon, emptied: the shared one keeps its three apps for the other tests.
        Path apps = tmp.resolve("apps");
        JsupLauncher own = new JsupLauncher(tmp.resolve("empty-home"), Files.createDirectories(tmp.resolve("empty-work")));
        try {
            assertThat(own.run("start", apps.resolve("ecosystem.json").toString(), "--only", "web").exitCode()).isZero();
            full(own.home(), false, "delete", "all");
            for (String[] args : new String[][] {{"list"}, {"list", "--json"}}) {
                Run fast = fast(own.home(), false, args);
                assertThat(fast.code()).isZero();
                assertThat(fast.out()).isEqualTo(full(own.home(), false, args).out());
            }
            assertThat(fast(own.home(), false, "list").out()).contains("[jsup] no apps yet");
            assertThat(fast(own.home(), false, "list", "--json").out()).isEqualTo("[ ]\n");
        } finally {
            own.killDaemon();
        }
    }

    @Test
    void rehearsalNeedsNoDaemon() {
        StringWriter out = new StringWriter();
        FastCommands.rehearse(context(env(tmp.resolve("no-daemon-home")), out, new StringWriter(), false));
        assertThat(out.toString()).as("the rehearsal prints nothing").isEmpty();
        assertThat(FastCommands.run(context(env(jsup.home()), new StringWriter(), new StringWriter(), false),
                new String[] {"ping"})).isZero();
    }

    private Run fast(boolean colour, String... args) {
        return fast(jsup.home(), colour, args);
    }

    private static Run fast(Path home, boolean colour, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FastCommands.run(context(env(home), out, err, colour), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run full(boolean colour, String... args) {
        return full(jsup.home(), colour, args);
    }

    private static Run full(Path home, boolean colour, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = JsupCli.execute(context(env(home), out, err, colour), args);
        assertThat(code).as("jsup %s (picocli)\n%s", String.join(" ", args), err).isZero();
        return new Run(code, out.toString(), err.toString());
    }

    private static CliContext context(Map<String, String> env, StringWriter out, StringWriter err, boolean colour) {
        return new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), colour, Path.of(""));
    }

    private static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("JSUP_LAUNCHER");
        env.put("JSUP_HOME", home.toString());
        return env;
    }

    private static String withoutUptime(String text) {
        return text.replaceAll("up \\d+[smhD],", "up N,").replaceAll("\"uptime_ms\" : \\d+", "\"uptime_ms\" : N");
    }

    private static void script(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
