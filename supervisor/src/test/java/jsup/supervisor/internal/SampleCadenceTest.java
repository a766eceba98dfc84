package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jsup.supervisor.TestApps;
import jsup.supervisor.config.AppSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a tree is sampled: every memory_check_interval under a memory cap, seldom without one. */
class SampleCadenceTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private AppSpec spec(long cap, Duration interval) {
        return TestApps.app("web", dir).maxMemoryRestart(cap).memoryCheckInterval(interval).build();
    }

    @Test
    void aCappedAppIsSampledEveryMemoryCheckInterval() {
        assertThat(SampleCadence.intervalNanos(spec(500L << 20, Duration.ofSeconds(1)))).isEqualTo(SECOND);
        assertThat(SampleCadence.intervalNanos(spec(500L << 20, Duration.ofMillis(100)))).isEqualTo(SECOND / 10);
    }

    @Test
    void anAppWithoutACapIsSampledEveryFiveSecondsOrItsLongerInterval() {
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofSeconds(1)))).isEqualTo(5 * SECOND);
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofMillis(100)))).isEqualTo(5 * SECOND);
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofSeconds(30)))).isEqualTo(30 * SECOND);
    }

    @Test
    void theNextSampleFallsOnTheIntervalsGridSoAppsShareAPass() {
        AppSpec capped = spec(500L << 20, Duration.ofSeconds(1));
        AppSpec uncapped = spec(0, Duration.ofSeconds(1));
        assertThat(SampleCadence.nextAfter(capped, 7 * SECOND + 300)).isEqualTo(8 * SECOND);
        assertThat(SampleCadence.nextAfter(uncapped, 7 * SECOND + 300)).isEqualTo(10 * SECOND);
        assertThat(SampleCadence.nextAfter(uncapped, 10 * SECOND)).isEqualTo(15 * SECOND);
        // Every uncapped app's next sample is also a capped app's: one /proc pass serves both.
        assertThat(SampleCadence.nextAfter(uncapped, 12 * SECOND) % SampleCadence.intervalNanos(capped)).isZero();
    }
}
