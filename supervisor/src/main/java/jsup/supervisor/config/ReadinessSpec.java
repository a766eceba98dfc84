package jsup.supervisor.config;

import java.time.Duration;

/**
 * When an app counts as ready, and whether it must keep saying it is alive. See docs/lifecycle.md.
 *
 * @param notifyReady wait for {@code READY=1} on {@code NOTIFY_SOCKET} ({@code wait_ready}, false)
 * @param healthReady wait for the first passing round of the app's health probes ({@code health.ready}, false)
 * @param timeout  how long a run may take to become ready before it is restarted ({@code listen_timeout},
 *                 60 s); only used when {@code notify} or {@code health} is on
 * @param watchdog how often a ready app must send {@code WATCHDOG=1}, or {@code null} when off ({@code watchdog})
 */
public record ReadinessSpec(boolean notifyReady, boolean healthReady, Duration timeout, Duration watchdog) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** No readiness signal and no watchdog: ready as soon as the process runs. */
    public static final ReadinessSpec NONE = new ReadinessSpec(false, false, DEFAULT_TIMEOUT, null);

    /** Whether readiness waits for a signal (else it is immediate). */
    public boolean waits() {
        return notifyReady || healthReady;
    }
}
