package jsup.healthmon.probe;

import java.time.Duration;

/**
 * The outcome of one probe run.
 *
 * @param ok      true when the check passed
 * @param probe   what was checked, e.g. {@code tcp 127.0.0.1:18789}
 * @param latency how long the check took
 * @param detail  what happened, e.g. {@code connected}, {@code connection refused},
 *                {@code timed out after 5s}, {@code HTTP 500}, {@code exit code 3: <stderr tail>}
 */
public record ProbeResult(boolean ok, String probe, Duration latency, String detail) {

    static ProbeResult pass(String probe, long startNanos, String detail) {
        return new ProbeResult(true, probe, since(startNanos), detail);
    }

    static ProbeResult fail(String probe, long startNanos, String detail) {
        return new ProbeResult(false, probe, since(startNanos), detail);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** {@code tcp 127.0.0.1:18789 connection refused}: used in restart reasons. */
    public String summary() {
        return probe + " " + detail;
    }
}
