package jsup.gateway.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code /healthz} reports for the chat pool: a full pool is stuck only when it stops finishing work. */
class WorkProgressTest {

    private static final long STALL = TimeUnit.SECONDS.toNanos(60);

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aFullPoolIsStalledOnlyAfterFinishingNothingForTheStallTime() {
        WorkProgress progress = WorkProgress.of(pool, STALL, clock::get);
        assertThat(progress.stalled()).as("idle").isFalse();

        pool.execute(this::blocked);
        pool.execute(this::blocked);
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.getActiveCount() == 2);
        assertThat(progress.stalled()).as("just filled").isFalse();

        clock.addAndGet(STALL - 1);
        assertThat(progress.stalled()).as("full, not yet for the stall time").isFalse();
        clock.addAndGet(1);
        assertThat(progress.stalled()).as("full and nothing finished for the stall time").isTrue();

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.getCompletedTaskCount() == 2);
        assertThat(progress.stalled()).as("work finished again").isFalse();
    }

    private void blocked() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWorkerThatIsNotHeldUpIsNeverStalledAndProgressResetsTheClock() {
        AtomicLong finished = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean starved = new java.util.concurrent.atomic.AtomicBoolean();
        WorkProgress progress = new WorkProgress(finished::get, starved::get, STALL, clock::get);

        clock.addAndGet(10 * STALL);
        assertThat(progress.stalled()).as("idle for long").isFalse();
        starved.set(true);
        clock.addAndGet(STALL);
        assertThat(progress.stalled()).as("held up for the stall time").isTrue();
        finished.incrementAndGet();
        assertThat(progress.stalled()).as("one unit finished").isFalse();
        clock.addAndGet(STALL - 1);
        assertThat(progress.stalled()).isFalse();
        clock.addAndGet(1);
        assertThat(progress.stalled()).isTrue();
    }
}
