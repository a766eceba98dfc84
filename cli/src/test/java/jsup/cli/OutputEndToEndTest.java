package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import jsup.cli.fast.FastCommands;
import jsup.supervisor.daemon.JsupHome;
import jsup.supervisor.daemon.Jsupd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people read, against a real jsupd whose inotify limits come from a fixture folder (the
 * ProcFs seam, {@link InotifyLimitsFixture}): the health column of {@code jsup list} (an inotify-only block shows the
 * inotify state, the inotify mark appears beside a probe's word, a stopped app shows {@code -}, a
 * warning caused by instances names {@code fs.inotify.max_user_instances}), and the timestamps of
 * {@code describe}, {@code logs --timestamp} and {@code run}: local time with milliseconds, or UTC
 * with {@code --utc}.
 */
class OutputEndToEndTest {

    /** A zone far from UTC, so local and UTC times differ on any machine. */
    private static final String TOKYO = "Asia/Tokyo";
    private static final Pattern LOCAL_MS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    private static final Pattern UTC_MS = Pattern.compile(LOCAL_MS.pattern() + "Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private InotifyLimitsFixture limits;
    private Jsupd jsupd;
    private Map<String, String> env;

    @BeforeEach
    void startDaemonWithFixtureLimits() throws Exception {
        limits = new InotifyLimitsFixture(tmp.resolve("watched"));
        Path home = tmp.resolve("home");
        env = new HashMap<>();
        env.put("JSUP_HOME", home.toString());
        env.put("HOME", Files.createDirectories(tmp.resolve("user")).toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        jsupd = Jsupd.start(JsupHome.of(home), new Jsupd.Options(env, false, limits.procFs()));
    }

    @AfterEach
    void stop() throws IOException {
        if (jsupd != null) {
            jsupd.close();
        }
        limits.close();
    }

    @Test
    void healthColumnShowsInotifyStateTheMarkAndADashForStoppedApps() throws Exception {
        Path sleeper = Files.writeString(tmp.resolve("sleeper.sh"),
                "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done\n");
        String quick = "\"interval\": \"300ms\", \"initial_delay\": \"200ms\", \"inotify_warn\": 0.8";
        Path eco = Files.writeString(tmp.resolve("eco.json"), """
                {"apps": [
                  {"name": "watcher", "script": "%1$s", "interpreter": "/bin/sh", "min_uptime": 200,
                   "kill_timeout": 1000, "health": {%2$s}},
                  {"name": "prober", "script": "%1$s", "interpreter": "/bin/sh", "min_uptime": 200,
                   "kill_timeout": 1000, "health": {"exec": ["true"], %2$s}}
                ]}
                """.formatted(sleeper, quick));
        CliRun.Result started = CliRun.run(env, "start", eco.toString());
        assertThat(started.exitCode()).as(started.toString()).isZero();
        // What shell completion reads, on the full path and on the fast path.
        assertThat(CliRun.run(env, "list", "--names").out()).isEqualTo("watcher\nprober\n");
        StringWriter fastOut = new StringWriter();
        Map<String, String> fastEnv = new HashMap<>(System.getenv());
        fastEnv.putAll(env);
        int fast = FastCommands.run(new CliContext(fastEnv, new PrintWriter(fastOut, true),
                new PrintWriter(new StringWriter(), true), false, Path.of("")), new String[] {"ls", "--names"});
        assertThat(fast).isZero();
        assertThat(fastOut.toString()).isEqualTo("watcher\nprober\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> health("watcher").equals("inotify-ok")
                && health("prober").equals("ok"));
        assertThat(tableCell("watcher")).isEqualTo("inotify-ok");
        assertThat(tableCell("prober")).isEqualTo("ok");

        limits.set(1_000_000_000, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> health("watcher").equals("inotify-warning")
                && app("prober").path("inotify_warning").asBoolean());
        assertThat(tableCell("watcher")).isEqualTo("inotify-warning");
        assertThat(tableCell("prober")).isEqualTo("ok ⚠ inotify");
        String detail = app("watcher").path("inotify_detail").asText();
        assertThat(detail).contains("Raise the instances limit")
                .contains("fs.inotify.max_user_instances=1024").doesNotContain("max_user_watches");
        String daemonLog = Files.readString(tmp.resolve("home/jsupd.log"));
        assertThat(daemonLog).contains("fs.inotify.max_user_instances=1024");
        assertThat(Files.readString(tmp.resolve("home/logs/healthmon.log")))
                .contains("fs.inotify.max_user_instances=1024");

        CliRun.Result stopped = CliRun.run(env, "stop", "prober");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> health("prober").equals("stopped"));
        assertThat(tableCell("prober")).startsWith("-");
    }

    @Test
    void describeLogsAndRunShowLocalTimeWithMillisecondsOrUtcWithTheOption() throws Exception {
        Path talker = Files.writeString(tmp.resolve("talker.sh"),
                "echo hello\ntrap 'exit 0' TERM\nwhile true; do sleep 0.2; done\n");
        Path eco = Files.writeString(tmp.resolve("talk.json"), """
                {"apps": [{"name": "talker", "script": "%s", "interpreter": "/bin/sh", "min_uptime": 200,
                           "kill_timeout": 1000}]}
                """.formatted(talker));
        Map<String, String> tokyo = new HashMap<>(env);
        tokyo.put("TZ", TOKYO);
        assertThat(CliRun.run(tokyo, "start", eco.toString()).exitCode()).isZero();
        Instant startedAt = Instant.parse(app("talker").path("started_at").asText());

        String local = row(CliRun.run(tokyo, "describe", "talker").out(), "started at");
        assertThat(local).isEqualTo(LocalDateTime.ofInstant(startedAt, ZoneId.of(TOKYO))
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")));
        String utc = row(CliRun.run(tokyo, "describe", "talker", "--utc").out(), "started at");
        assertThat(utc).matches(UTC_MS).startsWith(startedAt.toString().substring(0, 19));
        String transition = CliRun.run(tokyo, "describe", "talker").out().lines()
                .filter(l -> l.contains("→ online")).findFirst().orElseThrow().strip();
        assertThat(transition.split(" ")[0]).matches(LOCAL_MS);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                CliRun.run(tokyo, "logs", "talker", "--nostream", "--out").out().contains("hello"));
        String logLine = CliRun.run(tokyo, "logs", "talker", "--nostream", "--out", "--timestamp").out().strip();
        assertThat(logLine.split(" ")[0]).matches(LOCAL_MS);
        assertThat(logLine).endsWith("talker out | hello");
        String utcLine = CliRun.run(tokyo, "logs", "talker", "--nostream", "--out", "--timestamp", "--utc").out().strip();
        assertThat(utcLine.split(" ")[0]).matches(UTC_MS);
        JsonNode json = JSON.readTree(CliRun.run(tokyo, "logs", "talker", "--nostream", "--out", "--timestamp",
                "--json").out().strip());
        assertThat(json.path("timestamp").asText()).matches(LOCAL_MS.pattern() + "\\+09:00");

        Path once = Files.writeString(tmp.resolve("once.json"), """
                {"apps": [{"name": "once", "script": "sh", "args": ["-c", "exit 3"], "max_restarts": 1,
                           "min_uptime": "5s"}]}
                """);
        Map<String, String> runEnv = new HashMap<>(tokyo);
        runEnv.put("JSUP_HOME", tmp.resolve("run-home").toString());
        CliRun.Result run = CliRun.run(runEnv, "run", once.toString());
        String status = run.out().lines().filter(l -> l.contains("[jsup] once:")).findFirst().orElseThrow();
        assertThat(status.split(" ")[0]).as(run.toString()).matches(LOCAL_MS);
        CliRun.Result runUtc = CliRun.run(runEnv, "run", once.toString(), "--utc");
        String utcStatus = runUtc.out().lines().filter(l -> l.contains("[jsup] once:")).findFirst().orElseThrow();
        assertThat(utcStatus.split(" ")[0]).as(runUtc.toString()).matches(UTC_MS);
    }

    /** The value of a {@code describe} row such as {@code started at}. */
    private static String row(String describe, String label) {
        return describe.lines().filter(l -> l.strip().startsWith(label + " ")).findFirst()
                .map(l -> l.strip().substring(label.length()).strip())
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + describe));
    }

    private JsonNode app(String name) throws IOException {
        CliRun.Result r = CliRun.run(env, "list", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (JsonNode app : JSON.readTree(r.out())) {
            if (app.path("name").asText().equals(name)) {
                return app;
            }
        }
        throw new AssertionError("no app " + name + " in " + r.out());
    }

    private String health(String name) throws IOException {
        return app(name).path("health").asText();
    }

    /** The health cell of {@code name}'s row in the plain table (the last column, spaces included). */
    private String tableCell(String name) {
        CliRun.Result r = CliRun.run(env, "list");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String header = r.out().lines().findFirst().orElseThrow();
        int at = header.indexOf("health");
        return r.out().lines().filter(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(name))
                .findFirst().map(l -> l.substring(at).strip())
                .orElseThrow(() -> new AssertionError("no row " + name + " in\n" + r.out()));
    }

}
