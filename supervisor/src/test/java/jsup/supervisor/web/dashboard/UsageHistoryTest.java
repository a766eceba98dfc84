package jsup.supervisor.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageHistoryTest {

    @Test
    void keepsTheLastHourOldestFirstAndForgetsAppsThatAreGone() {
        UsageHistory h = new UsageHistory();
        long t0 = 1_800_000_000L;
        int samples = UsageHistory.POINTS + 25;
        for (int i = 0; i < samples; i++) {
            long t = t0 + (long) i * UsageHistory.INTERVAL_SECONDS;
            h.record(i < 10 ? Map.of("web", new UsageHistory.Point(t, i, 1000 + i), "gone", new UsageHistory.Point(t, 1, 1))
                    : Map.of("web", new UsageHistory.Point(t, i, 1000 + i)));
        }
        List<UsageHistory.Point> web = h.of("web");
        assertThat(web).hasSize(UsageHistory.POINTS);
        assertThat(web.get(0).epochSecond()).isEqualTo(t0 + 25L * UsageHistory.INTERVAL_SECONDS);
        assertThat(web.get(web.size() - 1)).isEqualTo(new UsageHistory.Point(t0 + (samples - 1L) * UsageHistory.INTERVAL_SECONDS,
                samples - 1, 1000 + samples - 1));
        assertThat(h.of("gone")).isEmpty();
        assertThat(h.apps()).containsExactly("web");
        assertThat(UsageHistory.POINTS * UsageHistory.INTERVAL_SECONDS).as("one hour").isEqualTo(3600);
        assertThat(UsageHistory.BYTES_PER_APP).isEqualTo(5760);
    }
}
