package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.daemon.JsupHome;
import jsup.supervisor.daemon.Jsupd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health column of {@code jsup list} against a real jsupd whose inotify limits come from a
 * fixture folder (the {@link ProcFs} seam): an inotify-only block shows the inotify state, the
 * inotify mark appears beside a probe's word, a stopped app shows {@code -}, and a warning caused by
 * instances names {@code fs.inotify.max_user_instances}.
 */
class ListHealthColumnTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path limits;
    private Jsupd jsupd;
    private WatchService watch;
    private Map<String, String> env;

    @BeforeEach
    void startDaemonWithFixtureLimits() throws Exception {
        limits = tmp.resolve("proc-limits");
        setInotifyLimits(1_000_000_000, 1_000_000);
        ProcFs procFs = new ProcFs(Path.of("/proc")) {
            @Override
            public Path file(String relative) {
                return relative.startsWith("sys/fs/inotify/") ? limits.resolve(relative) : super.file(relative);
            }
        };
        // This JVM (same uid as the apps) holds one inotify instance, so a limit of 1 instance is reached.
        watch = FileSystems.getDefault().newWatchService();
        tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        Path home = tmp.resolve("home");
        env = new HashMap<>();
        env.put("JSUP_HOME", home.toString());
        env.put("HOME", Files.createDirectories(tmp.resolve("user")).toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        jsupd = Jsupd.start(JsupHome.of(home), new Jsupd.Options(env, false, procFs));
    }

    @AfterEach
    void stop() throws IOException {
        if (jsupd != null) {
            jsupd.close();
        }
        watch.close();
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

        await().atMost(Duration.ofSeconds(30)).until(() -> health("watcher").equals("inotify-ok")
                && health("prober").equals("ok"));
        assertThat(tableCell("watcher")).isEqualTo("inotify-ok");
        assertThat(tableCell("prober")).isEqualTo("ok");

        setInotifyLimits(1_000_000_000, 1);
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

    /** Replaces both fixture limit files at once (rename), so jsupd never reads a half-written one. */
    private void setInotifyLimits(long maxUserWatches, long maxUserInstances) throws IOException {
        Path dir = Files.createDirectories(limits.resolve("sys/fs/inotify"));
        write(dir.resolve("max_user_watches"), maxUserWatches + "\n");
        write(dir.resolve("max_user_instances"), maxUserInstances + "\n");
    }

    private static void write(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
