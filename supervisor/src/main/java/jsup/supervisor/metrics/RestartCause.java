package jsup.supervisor.metrics;

import java.util.List;

/**
 * Sorts a restart's reason, as the engine records it in the restart history, into the few causes
 * that {@code jsup_app_restarts_total{reason}} and {@code list --json} count by.
 */
public final class RestartCause {

    public static final String CRASH = "crash";
    public static final String MEMORY = "memory";
    public static final String HEALTH = "health";
    public static final String WATCHDOG = "watchdog";
    public static final String MANUAL = "manual";
    public static final String REDEPLOY = "redeploy";

    /** Every cause, in the order they are shown. */
    public static final List<String> ALL = List.of(CRASH, MEMORY, HEALTH, WATCHDOG, MANUAL, REDEPLOY);

    private RestartCause() {
    }

    /**
     * The cause of a restart recorded with {@code reason}: {@code manual…}, {@code memory …},
     * {@code health: …}, {@code watchdog…}, {@code redeploy: …}; anything else is an exit the policy
     * restarted after ({@code exit code 1}, {@code signal SIGKILL}), a crash.
     */
    public static String of(String reason) {
        if (reason == null) {
            return CRASH;
        }
        for (String cause : List.of(MANUAL, MEMORY, HEALTH, WATCHDOG, REDEPLOY)) {
            if (reason.startsWith(cause)) {
                return cause;
            }
        }
        return CRASH;
    }
}
