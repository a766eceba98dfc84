package jsup.supervisor.internal;

import java.time.Duration;
import java.util.Set;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.process.ExitStatus;

/**
 * The restart rules of one app and the pure decision made from them after every exit the engine did
 * not ask for. No clock, no process: the caller passes the run's start and the exit time.
 *
 * <p>Unlike PM2, a run is judged by its own uptime only: there is no window measured from the app's
 * first start, so a crash loop that begins an hour after the first start still ends in
 * {@code errored} (PM2 issue #718).
 *
 * @param autorestart   restart after an exit at all
 * @param stopExitCodes exit codes that never restart
 * @param minUptime     a run shorter than this is unstable
 * @param maxRestarts   unstable exits in a row that end in {@code errored}
 * @param restartDelay  fixed delay before a restart, used when {@code backoff} is null
 * @param backoff       exponential backoff, or null when off; it overrides {@code restartDelay}
 */
public record RestartPolicy(boolean autorestart, Set<Integer> stopExitCodes, Duration minUptime,
                            int maxRestarts, Duration restartDelay, Backoff backoff) {

    public RestartPolicy {
        stopExitCodes = Set.copyOf(stopExitCodes);
    }

    public static RestartPolicy of(AppSpec spec) {
        Backoff backoff = spec.expBackoffRestartDelay() == null || spec.expBackoffRestartDelay().isZero()
                ? null
                : new Backoff(spec.expBackoffRestartDelay(), spec.backoffFactor(), spec.backoffMax(),
                        spec.backoffReset());
        return new RestartPolicy(spec.autorestart(), spec.stopExitCodes(), spec.minUptime(),
                spec.maxRestarts(), spec.restartDelay(), backoff);
    }

    /**
     * Decides what follows an exit.
     *
     * @param exit           how the process ended
     * @param history        the counters kept from earlier exits
     * @param startedAtNanos monotonic time the run started
     * @param nowNanos       monotonic time of the exit
     */
    public RestartDecision decide(ExitStatus exit, RestartCounters history, long startedAtNanos,
                                  long nowNanos) {
        String what = exit.describe();
        if (!autorestart) {
            return new RestartDecision.Stay(what + " (autorestart is off)", history);
        }
        if (exit.signal() == null && stopExitCodes.contains(exit.code())) {
            return new RestartDecision.Stay(what + " (in stop_exit_codes)", history);
        }
        Duration uptime = Duration.ofNanos(Math.max(0, nowNanos - startedAtNanos));
        boolean unstable = uptime.compareTo(minUptime) < 0;
        int unstableExits = unstable ? history.unstableExits() + 1 : 0;
        if (unstable && unstableExits >= maxRestarts) {
            return new RestartDecision.GiveUp("crash loop: " + unstableExits
                    + " unstable exits in a row, each within min_uptime " + shortText(minUptime)
                    + "; last " + what, new RestartCounters(unstableExits, history.lastBackoff()));
        }
        if (backoff == null) {
            return new RestartDecision.Restart(restartDelay, what,
                    new RestartCounters(unstableExits, Duration.ZERO));
        }
        Duration previous = backoff.resetBy(uptime) ? Duration.ZERO : history.lastBackoff();
        Duration delay = backoff.next(previous);
        return new RestartDecision.Restart(delay, what, new RestartCounters(unstableExits, delay));
    }

    /** {@code 200ms}, {@code 1s}, {@code 1.5s}: short and exact. */
    static String shortText(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
