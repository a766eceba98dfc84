package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GaugesTest {

    @Test
    void aBarFillsItsShareAndShowsAnythingAboveZero() {
        assertThat(Gauges.bar(0.5, 8)).isEqualTo("████░░░░");
        assertThat(Gauges.bar(0, 4)).isEqualTo("░░░░");
        assertThat(Gauges.bar(-1, 4)).isEqualTo("░░░░");
        assertThat(Gauges.bar(0.01, 4)).isEqualTo("█░░░");
        assertThat(Gauges.bar(3, 4)).isEqualTo("████");
        assertThat(Gauges.bar(0.5, 0)).isEmpty();
    }

    @Test
    void aSparklineScalesToItsScaleOrItsLargestValue() {
        assertThat(Gauges.sparkline(new double[] {0, 25, 50, 100}, 4, 100)).isEqualTo("▁▃▅█");
        assertThat(Gauges.sparkline(new double[] {0, 200}, 2, 100)).isEqualTo("▁█");
        assertThat(Gauges.sparkline(new double[] {-1, 0}, 2, 0)).isEqualTo("▁▁");
    }

    @Test
    void aSparklineShowsTheLastValuesRightAligned() {
        assertThat(Gauges.sparkline(new double[] {100, 100}, 5, 100)).isEqualTo("   ██");
        assertThat(Gauges.sparkline(new double[] {100, 0, 0, 100}, 2, 100)).isEqualTo("▁█");
    }

    @Test
    void aRingKeepsTheLastSamplesOldestFirst() {
        UsageRing ring = new UsageRing(3);
        assertThat(ring.cpu()).isEmpty();
        for (int i = 1; i <= 5; i++) {
            ring.add(i, i * 10L);
        }
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.cpu()).containsExactly(3, 4, 5);
        assertThat(ring.memory()).containsExactly(30, 40, 50);
        assertThatThrownBy(() -> new UsageRing(0)).hasMessageContaining("at least one");
    }
}
