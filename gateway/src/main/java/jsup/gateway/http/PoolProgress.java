package jsup.gateway.http;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.LongSupplier;

/**
 * Whether a worker pool still makes progress: "stalled" means every thread is busy, no more work
 * can be queued, and not one task has finished for {@code stallAfterNanos}. A busy pool that keeps
 * finishing work is healthy; a full pool stuck on hung calls is not, and {@code /healthz} says so.
 */
final class PoolProgress {

    private final ThreadPoolExecutor pool;
    private final long stallAfterNanos;
    private final LongSupplier nanoClock;
    private long lastCompleted = -1;
    private long lastProgressNanos;

    PoolProgress(ThreadPoolExecutor pool, long stallAfterNanos, LongSupplier nanoClock) {
        this.pool = pool;
        this.stallAfterNanos = stallAfterNanos;
        this.nanoClock = nanoClock;
        this.lastProgressNanos = nanoClock.getAsLong();
    }

    /** True when the pool is full and has finished nothing for the stall time. */
    synchronized boolean stalled() {
        long now = nanoClock.getAsLong();
        long completed = pool.getCompletedTaskCount();
        boolean full = pool.getActiveCount() >= pool.getMaximumPoolSize() && pool.getQueue().remainingCapacity() == 0;
        if (completed != lastCompleted || !full) {
            lastCompleted = completed;
            lastProgressNanos = now;
            return false;
        }
        return now - lastProgressNanos >= stallAfterNanos;
    }
}
