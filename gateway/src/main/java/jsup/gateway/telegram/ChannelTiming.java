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
 */
record ChannelTiming(int pollTimeoutSeconds, Duration typingInterval, Duration backoffInitial, Duration backoffMax,
                     int sendAttempts, int workerThreads) {

    static final ChannelTiming DEFAULTS = new ChannelTiming(30, Duration.ofSeconds(4),
            PollBackoff.INITIAL, PollBackoff.MAX, 3, 4);

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
