package jsup.supervisor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The decision part of cron restarts, with the time passed in. */
class CronRestartsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:30:15Z");

    private static CronSchedule cron(String expression) {
        return CronSchedule.parse(expression, ZoneOffset.UTC);
    }

    @Test
    void anAppIsDueOnceAtItsNextRunThenMovesOn() {
        try (CronRestarts restarts = new CronRestarts(Clock.fixed(T0, ZoneOffset.UTC), app -> { })) {
            restarts.set("web", cron("0 * * * *"));
            Instant eleven = Instant.parse("2026-12-02T11:00:00Z");
            assertThat(restarts.next("web")).contains(eleven);
            assertThat(restarts.due(eleven.minusMillis(1))).isEmpty();
            assertThat(restarts.due(eleven)).containsExactly("web");
            assertThat(restarts.due(eleven)).isEmpty();
            assertThat(restarts.next("web")).contains(Instant.parse("2026-12-02T12:00:00Z"));
        }
    }

    @Test
    void missedRunsFireOnceAndResumeAfterNow() {
        try (CronRestarts restarts = new CronRestarts(Clock.fixed(T0, ZoneOffset.UTC), app -> { })) {
            restarts.set("job", cron("*/5 * * * *"));
            Instant later = T0.plus(Duration.ofHours(3)); // the machine slept through 36 runs
            assertThat(restarts.due(later)).containsExactly("job");
            assertThat(restarts.next("job")).contains(Instant.parse("2026-12-02T13:35:00Z"));
        }
    }

    @Test
    void onlyDueAppsAndInNameOrder() {
        try (CronRestarts restarts = new CronRestarts(Clock.fixed(T0, ZoneOffset.UTC), app -> { })) {
            restarts.set("b", cron("31 10 * * *"));
            restarts.set("a", cron("31 10 * * *"));
            restarts.set("later", cron("0 12 * * *"));
            assertThat(restarts.due(Instant.parse("2026-12-02T10:31:00Z"))).containsExactly("a", "b");
            assertThat(restarts.earliest()).contains(Instant.parse("2026-12-02T12:00:00Z"));
        }
    }

    @Test
    void replacingWithTheSameExpressionKeepsTheNextRunAndNullForgets() {
        try (CronRestarts restarts = new CronRestarts(Clock.fixed(T0, ZoneOffset.UTC), app -> { })) {
            restarts.set("web", cron("0 * * * *"));
            restarts.set("web", cron("0  *  * * *"));
            assertThat(restarts.next("web")).contains(Instant.parse("2026-12-02T11:00:00Z"));
            restarts.set("web", cron("30 * * * *"));
            assertThat(restarts.next("web")).contains(Instant.parse("2026-12-02T10:30:00Z").plusSeconds(3600));
            restarts.set("web", null);
            assertThat(restarts.next("web")).isEmpty();
            assertThat(restarts.earliest()).isEmpty();
        }
    }

    @Test
    void theTimerHandsDueAppsToTheCallback() {
        List<String> fired = new CopyOnWriteArrayList<>();
        try (CronRestarts restarts = new CronRestarts(Clock.systemUTC(), fired::add)) {
            restarts.set("every-second", cron("* * * * * *"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> fired.size() >= 2);
        }
        assertThat(fired).containsOnly("every-second");
    }
}
