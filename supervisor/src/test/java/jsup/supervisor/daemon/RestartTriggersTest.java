package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.watch.Watches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What list/describe show of cron and watch, and that a polling fallback is flagged where list looks. */
class RestartTriggersTest {

    private static ObjectNode app(boolean inotifyWarning, String detail) {
        return JsonNodeFactory.instance.objectNode().put("inotify_warning", inotifyWarning).put("inotify_detail", detail);
    }

    @Test
    void aWatchWarningIsALineOfHealthmonLog(@TempDir Path tmp) throws Exception {
        JsupHome home = JsupHome.of(tmp.resolve("home"));
        home.create();
        Instant at = Instant.parse("2026-12-07T18:00:00Z");
        try (HealthSupervision health = new HealthSupervision(home, new HealthBook(), (app, why) -> { },
                ProcFs.SYSTEM, Clock.fixed(at, ZoneOffset.UTC))) {
            health.warnLine("web", "inotify: inotify_add_watch /srv/web failed: ENOSPC\tmore");
        }
        assertThat(Files.readAllLines(home.healthLog())).containsExactly(
                "2026-12-07T18:00:00Z\tweb\twatch\tWARN\t-\tinotify: inotify_add_watch /srv/web failed: ENOSPC more");
    }

    @Test
    void neitherScheduledNorWatched() {
        ObjectNode o = app(false, null);
        RestartTriggers.describe(o, Optional.empty(), Optional.empty());
        assertThat(o.get("next_cron").isNull()).isTrue();
        assertThat(o.get("watch").asText()).isEqualTo("off");
        assertThat(o.get("watch_watches").asInt()).isZero();
        assertThat(o.get("inotify_warning").asBoolean()).isFalse();
    }

    @Test
    void nextRunAndInotifyWatching() {
        ObjectNode o = app(false, null);
        RestartTriggers.describe(o, Optional.of(Instant.parse("2026-12-08T03:00:00Z")),
                Optional.of(new Watches.Status("inotify", 12, null)));
        assertThat(o.get("next_cron").asText()).isEqualTo("2026-12-08T03:00:00Z");
        assertThat(o.get("watch").asText()).isEqualTo("inotify");
        assertThat(o.get("watch_watches").asInt()).isEqualTo(12);
        assertThat(o.get("watch_warning").isNull()).isTrue();
    }

    @Test
    void pollingRaisesTheInotifyWarningThatListMarksUnlessOneIsAlreadyShown() {
        ObjectNode o = app(false, null);
        RestartTriggers.describe(o, Optional.empty(), Optional.of(new Watches.Status("polling", 0, "inotify: ENOSPC")));
        assertThat(o.get("watch_warning").asText()).isEqualTo("inotify: ENOSPC");
        assertThat(o.get("inotify_warning").asBoolean()).isTrue();
        assertThat(o.get("inotify_detail").asText()).isEqualTo("inotify: ENOSPC");

        ObjectNode health = app(true, "uid 0 holds 95% of max_user_watches");
        RestartTriggers.describe(health, Optional.empty(), Optional.of(new Watches.Status("polling", 0, "x")));
        assertThat(health.get("inotify_detail").asText()).isEqualTo("uid 0 holds 95% of max_user_watches");
    }

    @Test
    void noThreadRunsForSchedulesOrWatchesUntilAnAppHasOne(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("e.json"), """
                {"apps": [{"name": "plain", "script": "/bin/true"},
                          {"name": "nightly", "script": "/bin/true", "cron_restart": "0 3 * * *"},
                          {"name": "edited", "script": "/bin/true", "watch": true}]}
                """);
        var apps = new jsup.supervisor.config.EcosystemLoader(tmp.resolve("home"), java.util.Map.of())
                .load(tmp.resolve("e.json"), null).apps();
        long before = threads("jsupd-cron") + threads("jsupd-watch");
        try (RestartTriggers triggers = new RestartTriggers(null, Clock.systemUTC(), () -> false, (a, m) -> { })) {
            triggers.register(apps.get(0));
            assertThat(threads("jsupd-cron") + threads("jsupd-watch")).as("no schedule, no watch").isEqualTo(before);
            ObjectNode plain = app(false, null);
            triggers.describe(plain, "plain");
            assertThat(plain.path("watch").asText()).isEqualTo("off");

            triggers.register(apps.get(1));
            triggers.register(apps.get(2));
            assertThat(threads("jsupd-cron")).isGreaterThan(0);
            ObjectNode nightly = app(false, null);
            triggers.describe(nightly, "nightly");
            assertThat(nightly.path("next_cron").isTextual()).isTrue();
        }
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
