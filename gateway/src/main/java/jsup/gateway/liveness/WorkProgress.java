package jsup.gateway.liveness;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether some worker still makes progress: "stalled" means work is held up ({@code starved}) and
 * not one unit of it has finished for {@code stallAfterNanos}. A busy worker that keeps finishing
 * work is healthy; one stuck on hung calls is not, and {@code /healthz} says so.
 */
public final class WorkProgress {

    private final LongSupplier finished;
    private final BooleanSupplier starved;
    private final long stallAfterNanos;
    private final LongSupplier nanoClock;
    private long lastFinished = -1;
    private long lastProgressNanos;

    /**
     * @param finished        a count that grows each time a unit of work finishes
     * @param starved         whether work is waiting for the worker right now
     * @param stallAfterNanos how long starved without progress counts as stalled
     * @param nanoClock       {@link System#nanoTime} in production, a fake clock in tests
     */
    public WorkProgress(LongSupplier finished, BooleanSupplier starved, long stallAfterNanos, LongSupplier nanoClock) {
        this.finished = finished;
        this.starved = starved;
        this.stallAfterNanos = stallAfterNanos;
        this.nanoClock = nanoClock;
        this.lastProgressNanos = nanoClock.getAsLong();
    }

    /** A pool is starved when every thread is busy and nothing more can be queued. */
    public static WorkProgress of(ThreadPoolExecutor pool, long stallAfterNanos, LongSupplier nanoClock) {
        return new WorkProgress(pool::getCompletedTaskCount,
                () -> pool.getActiveCount() >= pool.getMaximumPoolSize() && pool.getQueue().remainingCapacity() == 0,
                stallAfterNanos, nanoClock);
    }

    /** True when work has been held up, with nothing finished, for the stall time. */
    public synchronized boolean stalled() {
        long now = nanoClock.getAsLong();
        long count = finished.getAsLong();
        if (count != lastFinished || !starved.getAsBoolean()) {
            lastFinished = count;
            lastProgressNanos = now;
            return false;
        }
        return now - lastProgressNanos >= stallAfterNanos;
    }
}
