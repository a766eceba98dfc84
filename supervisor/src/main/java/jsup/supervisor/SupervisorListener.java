package jsup.supervisor;

/**
 * Hears what the engine does. Every method has a no-op default, so a listener overrides only what it
 * needs. Called on the engine's own thread: keep it quick and never call back into the engine
 * synchronously from it.
 */
public interface SupervisorListener {

    SupervisorListener NONE = new SupervisorListener() { };

    /** An app changed status. */
    default void onTransition(String app, Transition transition) {
    }

    /** An app's process started ({@code pid}, {@code startTime} = field 22 of /proc/pid/stat). */
    default void onSpawn(String app, long pid, long startTime) {
    }

    /** An app was restarted (counted in its restarts), for {@code reason} as in its restart history. */
    default void onRestart(String app, String reason) {
    }

    /** A sample of an app's running process tree (memory, CPU, threads, members). */
    default void onSample(String app, jsup.supervisor.process.TreeUsage usage) {
    }

    /** An app's log output was opened (at its first launch, again after a redefinition): its counts. */
    default void onLogOpened(String app, jsup.supervisor.log.LogCounts counts) {
    }

    /** A line of the engine's own about an app (pre-start output, lock removals, kill escalation). */
    default void onMessage(String app, String message) {
    }
}
