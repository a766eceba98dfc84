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

    /** A line of the engine's own about an app (pre-start output, lock removals, kill escalation). */
    default void onMessage(String app, String message) {
    }
}
