package jsup.supervisor.internal;

import java.time.Duration;

/**
 * Exponential restart backoff ({@code exp_backoff_restart_delay}): the first delay is {@code initial},
 * each consecutive restart multiplies it by {@code factor} (rounded down to whole milliseconds, as PM2
 * does), never above {@code max}; a run of at least {@code reset} starts over from {@code initial}.
 */
public record Backoff(Duration initial, double factor, Duration max, Duration reset) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay <= 0: " + initial);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("backoff factor < 1: " + factor);
        }
    }

    /** The delay after {@code previous} ({@link Duration#ZERO} when there was none). */
    public Duration next(Duration previous) {
        if (previous.isZero()) {
            return initial;
        }
        long grown = (long) Math.floor(previous.toMillis() * factor);
        return Duration.ofMillis(Math.min(max.toMillis(), grown));
    }

    /** Whether a run that lasted {@code uptime} resets the sequence. */
    public boolean resetBy(Duration uptime) {
        return uptime.compareTo(reset) >= 0;
    }
}
