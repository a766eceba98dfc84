package jsup.healthmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jsup.healthmon.probe.ProbeResult;
import org.junit.jupiter.api.Test;

class ThresholdTrackerTest {

    @Test
    void reachesAfterNFailuresInARowThenCountsAgain() {
        ThresholdTracker t = new ThresholdTracker(3);
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(1, false));
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(2, false));
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(3, true));
        assertThat(t.current()).isZero();
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(1, false));
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(2, false));
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(3, true));
    }

    @Test
    void aPassResetsTheCount() {
        ThresholdTracker t = new ThresholdTracker(2);
        t.record(false);
        assertThat(t.record(true)).isEqualTo(new ThresholdTracker.Step(0, false));
        assertThat(t.record(false).reached()).isFalse();
        assertThat(t.record(false).reached()).isTrue();
    }

    @Test
    void oneFailureIsEnoughByDefault() {
        ThresholdTracker t = new ThresholdTracker(HealthSpec.DEFAULT_FAILURES);
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(1, true));
        assertThat(t.record(false)).isEqualTo(new ThresholdTracker.Step(1, true));
    }

    @Test
    void resetForgetsFailuresBeforeARestart() {
        ThresholdTracker t = new ThresholdTracker(2);
        t.record(false);
        t.reset();
        assertThat(t.record(false).reached()).isFalse();
    }

    @Test
    void rejectsZeroFailures() {
        assertThatThrownBy(() -> new ThresholdTracker(0)).hasMessageContaining("got 0");
    }

    @Test
    void firstDelayCountsFromTheStartNotFromRegistration() {
        Instant start = Instant.parse("2026-01-29T20:00:00Z");
        Duration grace = Duration.ofSeconds(10);
        assertThat(HealthMonitor.firstDelay(start, grace, start)).isEqualTo(grace);
        assertThat(HealthMonitor.firstDelay(start, grace, start.plusSeconds(4))).isEqualTo(Duration.ofSeconds(6));
        assertThat(HealthMonitor.firstDelay(start, grace, start.plusSeconds(30))).isEqualTo(Duration.ZERO);
    }

    @Test
    void thresholdReasonNamesTheFirstFailingProbe() {
        ProbeRound round = new ProbeRound(Instant.EPOCH, List.of(
                new ProbeResult(true, "http http://127.0.0.1:18789/healthz", Duration.ofMillis(3), "HTTP 200"),
                new ProbeResult(false, "tcp 127.0.0.1:18789", Duration.ofMillis(1), "connection refused")));
        assertThat(HealthMonitor.thresholdReason(round, 2)).isEqualTo("tcp 127.0.0.1:18789 connection refused (2 in a row)");
        assertThat(HealthMonitor.thresholdReason(round, 1)).isEqualTo("tcp 127.0.0.1:18789 connection refused");
    }

    @Test
    void durationsReadShort() {
        assertThat(DurationText.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationText.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}
