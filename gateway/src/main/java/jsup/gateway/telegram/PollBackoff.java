package jsup.gateway.telegram;

import java.time.Duration;

/**
 * The wait after a failed poll: 2 s, doubling up to 30 s, back to 2 s after a good poll. Not
 * thread-safe: the polling thread owns it.
 */
final class PollBackoff {

    static final Duration INITIAL = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(30);

    private final Duration initial;
    private final Duration max;
    private Duration next;

    PollBackoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff <= 0: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " < initial " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait now; the one after it is twice as long, up to the maximum. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** After a success: the next failure waits the initial delay again. */
    void reset() {
        next = initial;
    }
}
