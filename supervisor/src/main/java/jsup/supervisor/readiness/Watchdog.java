package jsup.supervisor.readiness;

import java.time.Duration;

/**
 * systemd's {@code WatchdogSec}: once armed, the app must send {@code WATCHDOG=1} at least once per interval,
 * or it counts as hung. Pure: time (monotonic nanoseconds) is passed in.
 */
public final class Watchdog {

    public static final long NEVER = Long.MAX_VALUE;

    private long intervalNanos;
    private long deadline = NEVER;

    /** @param interval null or zero for none (then it never expires) */
    public Watchdog(Duration interval) {
        this.intervalNanos = interval == null ? 0 : interval.toNanos();
    }

    public boolean enabled() {
        return intervalNanos > 0;
    }

    /** Starts counting from {@code now} (the app became ready). */
    public void arm(long now) {
        deadline = enabled() ? now + intervalNanos : NEVER;
    }

    /** {@code WATCHDOG=1}: the next ping is due one interval from now. Ignored while not armed. */
    public void ping(long now) {
        if (deadline != NEVER) {
            deadline = now + intervalNanos;
        }
    }

    /** {@code WATCHDOG_USEC=…} from the app: a new interval, counted from now (0 turns it off). */
    public void changeInterval(long usec, long now) {
        boolean armed = deadline != NEVER;
        intervalNanos = usec * 1000;
        deadline = armed && enabled() ? now + intervalNanos : NEVER;
    }

    public void disarm() {
        deadline = NEVER;
    }

    public boolean expired(long now) {
        return deadline != NEVER && now >= deadline;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** When it expires, or {@link #NEVER}. */
    public long deadline() {
        return deadline;
    }
}
