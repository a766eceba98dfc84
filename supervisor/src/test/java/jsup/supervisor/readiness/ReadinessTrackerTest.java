package jsup.supervisor.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jsup.supervisor.config.ReadinessSpec;
import org.junit.jupiter.api.Test;

/** The readiness and watchdog decisions with a fake clock (nanoseconds passed in). */
class ReadinessTrackerTest {

    private static final long S = 1_000_000_000L;
    private static final ReadinessSpec NOTIFY = new ReadinessSpec(true, false, Duration.ofSeconds(10), null);

    private static NotifyMessage msg(String text) {
        return NotifyMessage.parse(text);
    }

    @Test
    void anAppWithoutSignalIsReadyAtLaunch() {
        ReadinessTracker t = new ReadinessTracker(ReadinessSpec.NONE);
        t.launched(0);
        assertThat(t.ready()).isTrue();
        assertThat(t.deadline()).isEqualTo(ReadinessTracker.NEVER);
    }

    @Test
    void notifyAppIsReadyAtReadyAndNotBefore() {
        ReadinessTracker t = new ReadinessTracker(NOTIFY);
        t.launched(0);
        assertThat(t.ready()).isFalse();
        t.onNotify(msg("STATUS=loading"), 1 * S);
        assertThat(t.ready()).isFalse();
        assertThat(t.statusText()).isEqualTo("loading");
        t.onNotify(msg("READY=1\nSTATUS=serving"), 2 * S);
        assertThat(t.ready()).isTrue();
        assertThat(t.statusText()).isEqualTo("serving");
        assertThat(t.check(100 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
    }

    @Test
    void notReadyWithinTheTimeoutIsATimeout() {
        ReadinessTracker t = new ReadinessTracker(NOTIFY);
        t.launched(5 * S);
        assertThat(t.deadline()).isEqualTo(15 * S);
        assertThat(t.check(15 * S - 1)).isEqualTo(ReadinessTracker.Verdict.NONE);
        assertThat(t.check(15 * S)).isEqualTo(ReadinessTracker.Verdict.TIMEOUT);
        assertThat(t.reason(ReadinessTracker.Verdict.TIMEOUT))
                .isEqualTo("ready timeout: not ready within 10s (listen_timeout)");
    }

    @Test
    void extendTimeoutUsecPushesTheDeadline() {
        ReadinessTracker t = new ReadinessTracker(NOTIFY);
        t.launched(0);
        t.onNotify(msg("EXTEND_TIMEOUT_USEC=30000000"), 8 * S);
        assertThat(t.check(20 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
        assertThat(t.check(38 * S)).isEqualTo(ReadinessTracker.Verdict.TIMEOUT);
    }

    @Test
    void healthReadyWaitsForTheFirstPassingRound() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(false, true, Duration.ofSeconds(10), null));
        t.launched(0);
        assertThat(t.ready()).isFalse();
        t.onProbePassed(S);
        assertThat(t.ready()).isTrue();
    }

    @Test
    void bothSignalsAreNeededWhenBothAreOn() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(true, true, Duration.ofSeconds(10), null));
        t.launched(0);
        t.onNotify(msg("READY=1"), S);
        assertThat(t.ready()).isFalse();
        t.onProbePassed(2 * S);
        assertThat(t.ready()).isTrue();
    }

    @Test
    void reloadingIsNotReadyUntilTheNextReady() {
        ReadinessTracker t = new ReadinessTracker(NOTIFY);
        t.launched(0);
        t.onNotify(msg("READY=1"), S);
        t.onNotify(msg("RELOADING=1"), 2 * S);
        assertThat(t.ready()).isFalse();
        assertThat(t.statusText()).isEqualTo("reloading");
        assertThat(t.check(12 * S)).isEqualTo(ReadinessTracker.Verdict.TIMEOUT);
        t.onNotify(msg("READY=1"), 3 * S);
        assertThat(t.ready()).isTrue();
    }

    @Test
    void stoppingIsNeitherReadyNorTimed() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(true, false, Duration.ofSeconds(10),
                Duration.ofSeconds(1)));
        t.launched(0);
        t.onNotify(msg("READY=1"), S);
        t.onNotify(msg("STOPPING=1"), 2 * S);
        assertThat(t.ready()).isFalse();
        assertThat(t.statusText()).isEqualTo("stopping");
        assertThat(t.check(100 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
    }

    @Test
    void watchdogIsArmedAtReadyAndFedByPings() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(false, false, Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
        t.launched(0);
        assertThat(t.deadline()).isEqualTo(30 * S);
        t.onNotify(msg("WATCHDOG=1"), 20 * S);
        assertThat(t.check(45 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
        assertThat(t.check(50 * S)).isEqualTo(ReadinessTracker.Verdict.WATCHDOG);
        assertThat(t.reason(ReadinessTracker.Verdict.WATCHDOG)).isEqualTo("watchdog");
        assertThat(t.watchdogDetail()).isEqualTo("no WATCHDOG=1 within 30s");
    }

    @Test
    void watchdogWaitsForReadinessBeforeItCounts() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(true, false, Duration.ofSeconds(60),
                Duration.ofSeconds(5)));
        t.launched(0);
        assertThat(t.check(20 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
        t.onNotify(msg("READY=1"), 20 * S);
        assertThat(t.check(24 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
        assertThat(t.check(25 * S)).isEqualTo(ReadinessTracker.Verdict.WATCHDOG);
    }

    @Test
    void watchdogTriggerIsAWatchdogAtOnce() {
        ReadinessTracker t = new ReadinessTracker(ReadinessSpec.NONE);
        t.launched(0);
        t.onNotify(msg("WATCHDOG=trigger"), S);
        assertThat(t.check(S)).isEqualTo(ReadinessTracker.Verdict.WATCHDOG);
        assertThat(t.watchdogDetail()).isEqualTo("the app sent WATCHDOG=trigger");
    }

    @Test
    void watchdogUsecFromTheAppChangesTheInterval() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(false, false, Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
        t.launched(0);
        t.onNotify(msg("WATCHDOG_USEC=2000000"), 10 * S);
        assertThat(t.check(12 * S)).isEqualTo(ReadinessTracker.Verdict.WATCHDOG);
    }

    @Test
    void anEndedRunIsNeverReadyNorChecked() {
        ReadinessTracker t = new ReadinessTracker(new ReadinessSpec(false, false, Duration.ofSeconds(60),
                Duration.ofSeconds(1)));
        t.launched(0);
        t.ended();
        assertThat(t.ready()).isFalse();
        assertThat(t.check(100 * S)).isEqualTo(ReadinessTracker.Verdict.NONE);
        t.onNotify(msg("READY=1"), S);
        assertThat(t.ready()).isFalse();
    }

    @Test
    void aNewRunForgetsTheLastRunsStatus() {
        ReadinessTracker t = new ReadinessTracker(NOTIFY);
        t.launched(0);
        t.onNotify(msg("READY=1\nSTATUS=old"), S);
        t.launched(2 * S);
        assertThat(t.ready()).isFalse();
        assertThat(t.statusText()).isNull();
    }
}
