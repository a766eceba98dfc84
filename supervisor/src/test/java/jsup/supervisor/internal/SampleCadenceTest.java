package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jsup.supervisor.TestApps;
import jsup.supervisor.config.AppSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a tree is sampled: every memory_check_interval under a memory cap; without one, when read or seldom. */
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
    void anAppWithoutACapIsSampledEveryHalfMinuteOrItsLongerIntervalWhileNobodyReads() {
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofSeconds(1)))).isEqualTo(30 * SECOND);
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofMillis(100)))).isEqualTo(30 * SECOND);
        assertThat(SampleCadence.intervalNanos(spec(0, Duration.ofMinutes(5)))).isEqualTo(300 * SECOND);
    }

    @Test
    void aReaderGetsFiguresOfAnAppWithoutACapAtMostFiveSecondsOld() {
        AppSpec uncapped = spec(0, Duration.ofSeconds(1));
        assertThat(SampleCadence.staleForReader(uncapped, ManagedApp.NEVER, 7 * SECOND)).isTrue();
        assertThat(SampleCadence.staleForReader(uncapped, 7 * SECOND, 7 * SECOND)).isFalse();
        assertThat(SampleCadence.staleForReader(uncapped, 7 * SECOND, 12 * SECOND - 1)).isFalse();
        assertThat(SampleCadence.staleForReader(uncapped, 7 * SECOND, 12 * SECOND)).isTrue();
        // A longer memory_check_interval is what the app asked for: its figures may be that old.
        AppSpec slow = spec(0, Duration.ofSeconds(30));
        assertThat(SampleCadence.staleForReader(slow, 7 * SECOND, 30 * SECOND)).isFalse();
        assertThat(SampleCadence.staleForReader(slow, 7 * SECOND, 37 * SECOND)).isTrue();
    }

    @Test
    void aReaderNeverMakesACappedAppSampleOffItsCadence() {
        AppSpec capped = spec(500L << 20, Duration.ofSeconds(1));
        assertThat(SampleCadence.staleForReader(capped, ManagedApp.NEVER, 7 * SECOND)).isFalse();
        assertThat(SampleCadence.staleForReader(capped, 7 * SECOND, 70 * SECOND)).isFalse();
    }

    @Test
    void theNextSampleFallsOnTheIntervalsGridSoAppsShareAPass() {
        AppSpec capped = spec(500L << 20, Duration.ofSeconds(1));
        AppSpec uncapped = spec(0, Duration.ofSeconds(1));
        assertThat(SampleCadence.nextAfter(capped, 7 * SECOND + 300)).isEqualTo(8 * SECOND);
        assertThat(SampleCadence.nextAfter(uncapped, 7 * SECOND + 300)).isEqualTo(30 * SECOND);
        assertThat(SampleCadence.nextAfter(uncapped, 30 * SECOND)).isEqualTo(60 * SECOND);
        // Every uncapped app's next sample is also a capped app's: one /proc pass serves both.
        assertThat(SampleCadence.nextAfter(uncapped, 72 * SECOND) % SampleCadence.intervalNanos(capped)).isZero();
    }
}
