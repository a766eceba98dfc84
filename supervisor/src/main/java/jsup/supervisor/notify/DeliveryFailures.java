package jsup.supervisor.notify;

import java.time.Duration;

/**
 * What to log about one sink's failures (pure: time is a parameter): the first failure in full, then
 * nothing but a count, summed up every {@link #SUMMARY_EVERY} and when the sink works again.
 */
final class DeliveryFailures {

    static final Duration SUMMARY_EVERY = Duration.ofMinutes(10);

    private final String label;
    private boolean failing;
    private int since;
    private long lastLineAt;
    private String lastReason;

    DeliveryFailures(String label) {
        this.label = label;
    }

    /** @return the line to log, or null */
    String failed(String reason, long nowNanos) {
        if (!failing) {
            failing = true;
            since = 0;
            lastLineAt = nowNanos;
            return "notify: " + label + " failed: " + reason + " (further failures are counted and logged every "
                    + SUMMARY_EVERY.toMinutes() + " minutes)";
        }
        since++;
        lastReason = reason;
        if (nowNanos - lastLineAt >= SUMMARY_EVERY.toNanos()) {
            String line = "notify: " + label + " still failing: " + since + " more failed deliveries; last: "
                    + lastReason;
            since = 0;
            lastLineAt = nowNanos;
            return line;
        }
        return null;
    }

    /** @return the line to log, or null */
    String delivered() {
        if (!failing) {
            return null;
        }
        failing = false;
        return "notify: " + label + " delivers again" + (since == 0 ? "" : " (" + since + " more failed before)");
    }
}
