package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When state.json is rewritten: times are passed in, so nothing here waits. */
class StateWritePacingTest {

    private static final long MS = 1_000_000L;
    private final StateWritePacing pacing = new StateWritePacing(Duration.ofMillis(50), Duration.ofSeconds(1));

    @Test
    void theFirstChangeWaitsOnlyTheGatherWindow() {
        assertThat(pacing.delayNanos(7_000 * MS)).isEqualTo(50 * MS);
    }

    @Test
    void aCrashLoopRewritesTheFileAboutOnceASecondNotTwicePerRun() {
        // An app that lives 100 ms: a spawn and an exit every run, each asking for a write.
        long now = 0;
        int writes = 0;
        long pendingAt = -1;
        for (int run = 0; run < 100; run++) {
            for (long change : new long[] {now, now + 100 * MS}) {
                if (pendingAt >= 0 && pendingAt <= change) {
                    pacing.wrote(pendingAt);
                    writes++;
                    pendingAt = -1;
                }
                if (pendingAt < 0) {
                    pendingAt = change + pacing.delayNanos(change);
                }
            }
            now += 100 * MS;
        }
        // 100 runs in 10 s: 200 changes, 10 or 11 writes.
        assertThat(writes).isBetween(9, 11);
    }

    @Test
    void aChangeLongAfterTheLastWriteWaitsOnlyTheGatherWindow() {
        pacing.wrote(0);
        assertThat(pacing.delayNanos(200 * MS)).isEqualTo(800 * MS);
        assertThat(pacing.delayNanos(5_000 * MS)).isEqualTo(50 * MS);
    }
}
