package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What jsupd records about its apps and brings back: only apps that run (or wait to restart), never
 * one that ended on its own; and {@code jsup flush} through the app's own log writers.
 */
class JsupdPersistenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private Map<String, String> statuses() throws Exception {
        Map<String, String> m = new HashMap<>();
        for (JsonNode a : fx.call("list", null).get("apps")) {
            m.put(a.get("name").asText(), a.get("status").asText());
        }
        return m;
    }

    @Test
    void appsThatEndedOnTheirOwnAreNeitherSavedNorRecordedAsRunningButStillStartOnRequest() throws Exception {
        Jsupd first = fx.start();
        Path eco = fx.ecosystem("eco.json",
                DaemonFixture.app("once", fx.script("once", "exit 0"), "\"autorestart\": false"),
                DaemonFixture.app("done", fx.script("done", "exit 78"), "\"stop_exit_codes\": [78]"),
                DaemonFixture.app("loop", fx.script("loop", "exit 1"), "\"max_restarts\": 2, \"min_uptime\": 60000"),
                DaemonFixture.app("svc", fx.sleeper("svc"), ""));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        await().atMost(WAIT).until(() -> statuses().equals(Map.of("once", "stopped", "done", "stopped",
                "loop", "errored", "svc", "online")));

        await().atMost(WAIT).until(() -> {
            JsonNode state = JSON.readTree(fx.home.state().toFile());
            Map<String, Boolean> wanted = new HashMap<>();
            state.get("apps").forEach(a -> wanted.put(a.get("name").asText(), a.get("want_up").asBoolean()));
            return wanted.equals(Map.of("once", false, "done", false, "loop", false, "svc", true));
        });
        fx.call("save", null);
        JsonNode dump = JSON.readTree(fx.home.dump().toFile());
        Map<String, Boolean> saved = new HashMap<>();
        dump.get("apps").forEach(a -> saved.put(a.get("name").asText(), a.get("running").asBoolean()));
        assertThat(saved).isEqualTo(Map.of("once", false, "done", false, "loop", false, "svc", true));

        // A clean stop saves the dump; the next jsupd resurrects it: only svc runs again.
        first.close();
        fx.start();
        assertThat(statuses()).isEqualTo(Map.of("once", "stopped", "done", "stopped", "loop", "stopped",
                "svc", "online"));
        assertThat(DaemonFixture.processesOf(fx.root.resolve("loop.sh"))).isEmpty();

        JsonNode started = fx.call("start", DaemonFixture.args().put("target", "loop"));
        assertThat(started.get("started")).extracting(JsonNode::asText).containsExactly("loop");
        await().atMost(WAIT).until(() -> statuses().get("loop").equals("errored"));
    }

    @Test
    void afterFlushTheLogRotatesAtItsConfiguredSizeNotEarly() throws Exception {
        fx.start();
        Path go = tmp.resolve("go");
        String line = "x".repeat(99);
        // 6 lines of 100 bytes, then (once told) 6 more: 600 bytes each time, under the 1000-byte cap.
        String six = "for i in 1 2 3 4 5 6; do echo " + line + "; done";
        Path script = fx.script("chatty", six + "\nwhile [ ! -e " + go + " ]; do sleep 0.05; done\n" + six
                + "\nwhile true; do sleep 0.2; done");
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("chatty", script, "\"log_max_size\": 1000"));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        Path out = fx.home.logsDir().resolve("chatty-out.log");
        await().atMost(WAIT).until(() -> Files.exists(out) && Files.size(out) == 600);

        JsonNode flushed = fx.call("flush", DaemonFixture.args().put("target", "chatty"));
        assertThat(flushed.get("flushed")).extracting(JsonNode::asText).containsExactly("chatty");
        assertThat(Files.size(out)).isZero();
        Files.createFile(go);

        await().atMost(WAIT).until(() -> Files.size(out) == 600 || !rotated(out).isEmpty());
        assertThat(rotated(out)).as("600 bytes after a flush must not rotate a 1000-byte log").isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(6).allMatch(line::equals);
    }

    private static java.util.List<Path> rotated(Path log) throws Exception {
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("chatty-out__")).toList();
        }
    }
}
