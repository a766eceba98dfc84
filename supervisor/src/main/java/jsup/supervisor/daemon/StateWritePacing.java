package jsup.supervisor.daemon;

import java.time.Duration;

/**
 * When the next {@code state.json} write runs: a change waits a short gather window so a burst (500 apps
 * starting) makes one write, and writes are at least a minimum interval apart, so an app in a crash
 * loop costs about one write a second instead of two per run (each a JSON tree, an fsync of the file and
 * one of its folder). What a write leaves out meanwhile is what a crash within the gather window also
 * leaves out: the next jsupd finds those processes by the marks in their environment. Times are
 * monotonic nanoseconds passed in by the caller; thread-safe.
 */
final class StateWritePacing {

    private final long gatherNanos;
    private final long minIntervalNanos;
    private boolean written;
    private long lastWriteNanos;

    StateWritePacing(Duration gather, Duration minInterval) {
        this.gatherNanos = gather.toNanos();
        this.minIntervalNanos = minInterval.toNanos();
    }

    /** How long a write asked for at {@code now} waits before it runs. */
    synchronized long delayNanos(long now) {
        if (!written) {
            return gatherNanos;
        }
        return Math.max(gatherNanos, lastWriteNanos + minIntervalNanos - now);
    }

    /** A write ran at {@code now}. */
    synchronized void wrote(long now) {
        written = true;
        lastWriteNanos = now;
    }
}
