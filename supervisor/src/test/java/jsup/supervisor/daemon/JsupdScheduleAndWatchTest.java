package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cron_restart} and {@code watch} on a real jsupd with real processes. */
class JsupdScheduleAndWatchTest {

    @TempDir
    Path tmp;

    private DaemonFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DaemonFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private JsonNode app(String name) throws Exception {
        return fx.call("describe", DaemonFixture.args().put("target", name)).get("apps").get(0);
    }

    private static List<String> transitionReasons(JsonNode app) {
        List<String> reasons = new ArrayList<>();
        app.get("transitions").forEach(t -> reasons.add(t.path("to").asText() + ":" + t.path("reason").asText()));
        return reasons;
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** Starts "job": a scheduled job (autorestart off) that appends a line to the returned file at each run. */
    private Path startJobEverySecond() throws Exception {
        Path runs = tmp.resolve("runs.txt");
        Path job = fx.script("job", "echo run >> " + runs + "\nexit 0");
        Path eco = fx.ecosystem("eco.json",
                DaemonFixture.app("job", job, "\"autorestart\": false, \"cron_restart\": \"* * * * * *\""));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        return runs;
    }

    @Test
    void aScheduledJobRunsOnItsScheduleIsStoppedBetweenAndSurvivesSaveAndAJsupdRestart() throws Exception {
        Jsupd first = fx.start();
        Path runs = startJobEverySecond();

        // Runs at start (as in PM2), then again every second, with reason cron.
        await().atMost(WAIT).until(() -> lines(runs) >= 2);
        await().atMost(WAIT).until(() -> transitionReasons(app("job")).contains("launching:cron"));
        await().atMost(WAIT).until(() -> app("job").get("status").asText().equals("stopped"));
        JsonNode described = app("job");
        assertThat(described.get("want").asText()).isEqualTo("up");
        assertThat(Instant.parse(described.get("next_cron").asText())).isAfter(Instant.now().minusSeconds(2));
        assertThat(described.get("config").get("cron_restart").asText()).isEqualTo("* * * * * *");
        assertThat(transitionReasons(described)).noneMatch(r -> r.startsWith("errored"));
        // What a jsupd that crashes leaves for the next: the job still wanted, so it comes back scheduled.
        await().atMost(WAIT).until(() -> new ObjectMapper().readTree(fx.home.state().toFile()).at("/apps/0/want_up")
                .asBoolean());

        fx.call("save", null);
        first.close(); // a clean stop; the next jsupd resurrects the dump
        long before = lines(runs);
        fx.start();
        await().atMost(WAIT).until(() -> lines(runs) >= before + 2);
        assertThat(app("job").get("next_cron").isTextual()).isTrue();
    }

    @Test
    void aStoppedScheduledJobStaysStopped() throws Exception {
        fx.start();
        Path runs = startJobEverySecond();
        await().atMost(WAIT).until(() -> lines(runs) >= 2);
        fx.call("stop", DaemonFixture.args().put("target", "job"));
        await().atMost(WAIT).until(() -> app("job").get("status").asText().equals("stopped"));
        long stoppedAt = lines(runs);
        // Three scheduled seconds pass (seen by the next run time moving on) without a run.
        Instant next = Instant.parse(app("job").get("next_cron").asText());
        await().atMost(WAIT).until(() -> Instant.parse(app("job").get("next_cron").asText())
                .isAfter(next.plusSeconds(2)));
        assertThat(lines(runs)).isEqualTo(stoppedAt);
    }

    @Test
    void aChangeUnderAWatchedFolderRestartsTheAppWithReasonWatch() throws Exception {
        Path src = DaemonFixture.mkdirs(tmp.resolve("src"));
        Files.createDirectories(src.resolve("node_modules/pkg"));
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("web", fx.sleeper("web"),
                "\"watch\": [\"src\"], \"watch_delay\": 200"));
        fx.start();
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        await().atMost(WAIT).until(() -> app("web").get("status").asText().equals("online"));
        JsonNode listed = fx.call("list", null).get("apps").get(0);
        assertThat(listed.get("watch").asText()).isEqualTo("inotify");
        assertThat(listed.get("watch_watches").asInt()).isEqualTo(1); // node_modules is ignored
        assertThat(listed.get("watch_warning").isNull()).isTrue();

        Files.writeString(src.resolve("app.js"), "changed");
        await().atMost(WAIT).until(() -> {
            JsonNode history = app("web").get("restart_history");
            return history.size() == 1 && history.get(0).get("reason").asText().equals("watch");
        });
        await().atMost(WAIT).until(() -> app("web").get("status").asText().equals("online"));
    }
}
