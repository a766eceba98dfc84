package jsup.gateway.telegram;

import java.time.Duration;

/**
 * How the channel waits between retries (backoff after a 409 or a network error, a 429's
 * {@code retry_after}). A seam so tests can record the delays instead of waiting them.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}; returns early only by throwing when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
