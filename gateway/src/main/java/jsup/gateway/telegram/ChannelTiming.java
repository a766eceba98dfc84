package jsup.gateway.telegram;

import java.time.Duration;

/**
 * The channel's time constants, in one place so tests can shorten them.
 *
 * @param pollTimeoutSeconds Telegram's long-poll {@code timeout}
 * @param typingInterval     how often {@code typing} is re-sent while the router works
 *                           (Telegram shows it for 5 s)
 * @param backoffInitial     the first wait after a failed poll
 * @param backoffMax         the longest wait after failed polls
 * @param sendAttempts       how often one message is tried when Telegram answers 429
 * @param workerThreads      how many chats are answered at the same time
 * @param pollerStall        how long the poller may go without coming round its loop (outside a
 *                           backoff wait) before {@code /healthz} calls it stuck
 * @param workerStall        how long every worker may be busy, with another chat waiting and no
 *                           reply finished, before {@code /healthz} calls them stuck
 */
record ChannelTiming(int pollTimeoutSeconds, Duration typingInterval, Duration backoffInitial, Duration backoffMax,
                     int sendAttempts, int workerThreads, Duration pollerStall, Duration workerStall) {

    /** A long poll's HTTP timeout is its own timeout plus 15 s; a minute more leaves room for a slow disk or GC. */
    private static final Duration POLLER_MARGIN = Duration.ofSeconds(75);
    /** As the web chat pool's: longer than one model's default 120 s timeout. */
    static final Duration WORKER_STALL = Duration.ofMinutes(3);

    static final ChannelTiming DEFAULTS = new ChannelTiming(30, Duration.ofSeconds(4),
            PollBackoff.INITIAL, PollBackoff.MAX, 3, 4);

    /** With the default stall times for this long-poll timeout. */
    ChannelTiming(int pollTimeoutSeconds, Duration typingInterval, Duration backoffInitial, Duration backoffMax,
                  int sendAttempts, int workerThreads) {
        this(pollTimeoutSeconds, typingInterval, backoffInitial, backoffMax, sendAttempts, workerThreads,
                Duration.ofSeconds(Math.max(0, pollTimeoutSeconds)).plus(POLLER_MARGIN), WORKER_STALL);
    }

    ChannelTiming {
        if (pollTimeoutSeconds < 0) {
            throw new IllegalArgumentException("pollTimeoutSeconds < 0: " + pollTimeoutSeconds);
        }
        if (sendAttempts < 1) {
            throw new IllegalArgumentException("sendAttempts < 1: " + sendAttempts);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads < 1: " + workerThreads);
        }
    }
}
