package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.TestApps;
import org.junit.jupiter.api.Test;
import jsup.supervisor.process.ExitStatus;
import jsup.supervisor.process.Signals;

class RestartPolicyTest {

    private static final long MS = 1_000_000L;
    private static final Path DIR = Path.of("/tmp");
    private static final ExitStatus CRASH = new ExitStatus(1, null);

    private static RestartPolicy policy(TestApps app) {
        return RestartPolicy.of(app.build());
    }

    @Test
    void autorestartOffNeverRestarts() {
        RestartPolicy p = policy(TestApps.app("a", DIR).autorestart(false));
        RestartDecision d = p.decide(CRASH, RestartCounters.NONE, 0, 10_000 * MS);
        assertThat(d).isInstanceOf(RestartDecision.Stay.class);
        assertThat(d.reason()).isEqualTo("exit code 1 (autorestart is off)");
    }

    @Test
    void stopExitCodeIsNotRestartedButOtherCodesAre() {
        RestartPolicy p = policy(TestApps.app("a", DIR).stopExitCodes(0, 42));
        assertThat(p.decide(new ExitStatus(42, null), RestartCounters.NONE, 0, 10_000 * MS))
                .isInstanceOf(RestartDecision.Stay.class);
        assertThat(p.decide(new ExitStatus(3, null), RestartCounters.NONE, 0, 10_000 * MS))
                .isInstanceOf(RestartDecision.Restart.class)
                .extracting(RestartDecision::reason).isEqualTo("exit code 3");
    }

    @Test
    void aSignalIsDescribedByName() {
        ExitStatus segv = ExitStatus.fromExitValue(128 + 11);
        assertThat(segv.signal()).isEqualTo("SEGV");
        assertThat(segv.describe()).isEqualTo("signal SIGSEGV");
        assertThat(ExitStatus.fromExitValue(3).describe()).isEqualTo("exit code 3");
    }

    @Test
    void maxRestartsUnstableExitsInARowEndInErrored() {
        RestartPolicy p = policy(TestApps.app("a", DIR).minUptime(Duration.ofMillis(200)).maxRestarts(3));
        RestartCounters c = RestartCounters.NONE;
        long t = 0;
        List<Class<?>> kinds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RestartDecision d = p.decide(CRASH, c, t, t + 50 * MS);
            kinds.add(d.getClass());
            c = d.counters();
            t += 60 * MS;
        }
        assertThat(kinds).containsExactly(RestartDecision.Restart.class, RestartDecision.Restart.class,
                RestartDecision.GiveUp.class);
        assertThat(c.unstableExits()).isEqualTo(3);
    }

    @Test
    void aCrashLoopThatStartsAnHourAfterTheFirstStartStillEndsInErrored() {
        // PM2 #718: PM2 counts only within min_uptime * max_restarts of the first start.
        RestartPolicy p = policy(TestApps.app("a", DIR).minUptime(Duration.ofSeconds(1)).maxRestarts(4));
        long hour = Duration.ofHours(1).toNanos();
        RestartDecision first = p.decide(CRASH, RestartCounters.NONE, 0, hour);
        assertThat(first).isInstanceOf(RestartDecision.Restart.class);
        RestartCounters c = first.counters();
        long start = hour;
        RestartDecision d = null;
        for (int i = 0; i < 4; i++) {
            d = p.decide(CRASH, c, start, start + 100 * MS);
            c = d.counters();
            start += 100 * MS;
        }
        assertThat(d).isInstanceOf(RestartDecision.GiveUp.class);
        assertThat(d.reason()).isEqualTo(
                "crash loop: 4 unstable exits in a row, each within min_uptime 1s; last exit code 1");
    }

    @Test
    void aStableRunResetsTheCount() {
        RestartPolicy p = policy(TestApps.app("a", DIR).minUptime(Duration.ofMillis(200)).maxRestarts(3));
        RestartCounters c = new RestartCounters(2, Duration.ZERO);
        RestartDecision stable = p.decide(CRASH, c, 0, 200 * MS);
        assertThat(stable).isInstanceOf(RestartDecision.Restart.class);
        assertThat(stable.counters().unstableExits()).isZero();
        RestartDecision next = p.decide(CRASH, stable.counters(), 300 * MS, 310 * MS);
        assertThat(next).isInstanceOf(RestartDecision.Restart.class);
        assertThat(next.counters().unstableExits()).isEqualTo(1);
    }

    @Test
    void restartDelayIsUsedWithoutBackoff() {
        RestartPolicy p = policy(TestApps.app("a", DIR).restartDelay(Duration.ofMillis(700)));
        RestartDecision.Restart r = (RestartDecision.Restart) p.decide(CRASH, RestartCounters.NONE, 0, 10_000 * MS);
        assertThat(r.delay()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void backoffGrowsByTheFactorUpToTheCapAndOverridesRestartDelay() {
        RestartPolicy p = policy(TestApps.app("a", DIR).maxRestarts(100).restartDelay(Duration.ofSeconds(9))
                .expBackoff(Duration.ofMillis(100), 1.5, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        RestartCounters c = RestartCounters.NONE;
        List<Long> delays = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 9; i++) {
            RestartDecision.Restart r = (RestartDecision.Restart) p.decide(CRASH, c, t, t + 5_000 * MS);
            delays.add(r.delay().toMillis());
            c = r.counters();
            t += 10_000 * MS;
        }
        assertThat(delays).containsExactly(100L, 150L, 225L, 337L, 505L, 757L, 1000L, 1000L, 1000L);
    }

    @Test
    void backoffStartsOverAfterARunOfBackoffReset() {
        RestartPolicy p = policy(TestApps.app("a", DIR)
                .expBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(15), Duration.ofSeconds(30)));
        RestartCounters grown = new RestartCounters(0, Duration.ofMillis(800));
        RestartDecision.Restart shortRun = (RestartDecision.Restart) p.decide(CRASH, grown, 0, 29_999 * MS);
        assertThat(shortRun.delay()).isEqualTo(Duration.ofMillis(1600));
        RestartDecision.Restart longRun = (RestartDecision.Restart) p.decide(CRASH, grown, 0, 30_000 * MS);
        assertThat(longRun.delay()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void signalNamesAreNormalized() {
        assertThat(Signals.normalize("sigusr2")).isEqualTo("USR2");
        assertThat(Signals.normalize("TERM")).isEqualTo("TERM");
        assertThat(Signals.normalize("9")).isEqualTo("KILL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Signals.normalize("SIGFOO"))
                .hasMessageContaining("\"SIGFOO\"");
    }
}
