package jsup.supervisor;

import java.time.Instant;
import java.util.List;
import jsup.supervisor.config.AppSpec;

/**
 * A snapshot of one app: what is wanted, what is, and its history. Immutable; the engine hands out
 * a new one for every question.
 *
 * @param id           small stable number, assigned in the order apps were added (PM2's id)
 * @param spec         the app's configuration
 * @param status       the observed status
 * @param wantUp       the desired state: true when the app should run
 * @param pid          the main process id, or 0 when none runs
 * @param startedAt    when the current (or last) run started, or null if never started
 * @param restarts     restarts since the app was added or reset (PM2's ↺)
 * @param unstableRestarts unstable exits in a row (an exit within {@code min_uptime})
 * @param lastExit     the last exit as text, e.g. {@code exit code 1}, {@code signal SIGKILL}, or null
 * @param statusReason why the app is in its status, e.g. the pre-start failure or the crash-loop
 *                     verdict; null when there is nothing to say
 * @param memoryBytes  RSS of the whole process tree at the last sample, 0 when not running
 * @param cpuPercent   CPU of the whole process tree over the last sample interval (100 = one core)
 * @param restartHistory the last 50 restarts, oldest first
 * @param transitions  the last status changes, oldest first
 * @param ready        online and ready: its readiness signal arrived ({@code READY=1}, a passing health
 *                     round), or it has none; false in every other status
 * @param notifyStatus what the app last said with the notify protocol's {@code STATUS=}, or null
 */
public record AppStatus(int id, AppSpec spec, ProcessStatus status, boolean wantUp, long pid,
                        Instant startedAt, int restarts, int unstableRestarts, String lastExit,
                        String statusReason, long memoryBytes, double cpuPercent,
                        List<RestartRecord> restartHistory, List<Transition> transitions, boolean ready,
                        String notifyStatus) {

    /** Without readiness: ready exactly when online (callers that predate readiness, tests). */
    public AppStatus(int id, AppSpec spec, ProcessStatus status, boolean wantUp, long pid, Instant startedAt,
                     int restarts, int unstableRestarts, String lastExit, String statusReason, long memoryBytes,
                     double cpuPercent, List<RestartRecord> restartHistory, List<Transition> transitions) {
        this(id, spec, status, wantUp, pid, startedAt, restarts, unstableRestarts, lastExit, statusReason,
                memoryBytes, cpuPercent, restartHistory, transitions, status == ProcessStatus.ONLINE, null);
    }

    public AppStatus {
        restartHistory = List.copyOf(restartHistory);
        transitions = List.copyOf(transitions);
    }

    public String name() {
        return spec.name();
    }
}
