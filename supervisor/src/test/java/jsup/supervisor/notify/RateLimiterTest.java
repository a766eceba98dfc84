package jsup.supervisor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rate limit replayed with numbers: a window of 60 (seconds, as nanos here), no clock, no sleeps. */
class RateLimiterTest {

    private static final long MINUTE = 60;

    private final RateLimiter limiter = new RateLimiter();

    @Test
    void firstEventIsSentAndTheRestOfTheWindowIsSummedUpOnceAtItsEnd() {
        assertThat(limiter.admit("web", "restart", "exit code 1", MINUTE, 0)).isTrue();
        assertThat(limiter.admit("web", "restart", "exit code 2", MINUTE, 10)).isFalse();
        assertThat(limiter.admit("web", "restart", "exit code 3", MINUTE, 59)).isFalse();
        assertThat(limiter.due(59)).isEmpty();
        assertThat(limiter.due(60)).containsExactly(new RateLimiter.Summary("web", "restart", 2, "exit code 3"));
        // The summary opened a new window: the next event in it is counted, not sent.
        assertThat(limiter.admit("web", "restart", "exit code 4", MINUTE, 61)).isFalse();
        assertThat(limiter.due(119)).isEmpty();
        assertThat(limiter.due(120)).containsExactly(new RateLimiter.Summary("web", "restart", 1, "exit code 4"));
        // A quiet window ends the sequence: the next event is sent at once.
        assertThat(limiter.due(180)).isEmpty();
        assertThat(limiter.admit("web", "restart", "exit code 5", MINUTE, 181)).isTrue();
    }

    @Test
    void appsAndEventsAreLimitedSeparately() {
        assertThat(limiter.admit("web", "restart", "a", MINUTE, 0)).isTrue();
        assertThat(limiter.admit("web", "errored", "b", MINUTE, 1)).isTrue();
        assertThat(limiter.admit("api", "restart", "c", MINUTE, 2)).isTrue();
        assertThat(limiter.admit("web", "restart", "d", MINUTE, 3)).isFalse();
    }

    @Test
    void aWindowOfZeroSendsEverythingAndForgetDropsAnAppsCounts() {
        assertThat(limiter.admit("web", "exit", "a", 0, 0)).isTrue();
        assertThat(limiter.admit("web", "exit", "b", 0, 0)).isTrue();
        limiter.admit("api", "exit", "c", MINUTE, 0);
        limiter.admit("api", "exit", "d", MINUTE, 1);
        limiter.forget("api");
        assertThat(limiter.due(100)).isEmpty();
        assertThat(limiter.admit("api", "exit", "e", MINUTE, 101)).isTrue();
    }

    @Test
    void deliveryFailuresAreLoggedOnceThenSummedUp() {
        DeliveryFailures f = new DeliveryFailures("webhook http://x");
        assertThat(f.failed("refused", 0)).contains("webhook http://x failed: refused");
        assertThat(f.failed("refused", 1)).isNull();
        long tenMinutes = DeliveryFailures.SUMMARY_EVERY.toNanos();
        assertThat(f.failed("timeout", tenMinutes)).contains("2 more failed deliveries; last: timeout");
        assertThat(f.failed("timeout", tenMinutes + 1)).isNull();
        assertThat(f.delivered()).contains("delivers again (1 more failed before)");
        assertThat(f.delivered()).isNull();
    }
}
