package jsup.supervisor;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import jsup.healthmon.proc.ProcFs;

/**
 * What a {@link Supervisor} needs from outside.
 *
 * @param procFs           where processes are looked at ({@link ProcFs#SYSTEM} in production)
 * @param listener         hears transitions, spawns and messages, on the engine thread
 * @param wallClock        for the times people see (transitions, restart history, start times)
 * @param childEnvironment set in every app's environment on top of its own {@code env}, with
 *                         {@link Supervisor#APP_ENV_VAR} (jsupd adds {@code JSUP_HOME}), so a later
 *                         jsupd can recognise the processes in {@code /proc/<pid>/environ}
 */
public record SupervisorSettings(ProcFs procFs, SupervisorListener listener, Clock wallClock,
                                 Map<String, String> childEnvironment) {

    public SupervisorSettings {
        Objects.requireNonNull(procFs, "procFs");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(wallClock, "wallClock");
        childEnvironment = Map.copyOf(childEnvironment);
    }

    /** Without extra child environment (beyond {@link Supervisor#APP_ENV_VAR}). */
    public SupervisorSettings(ProcFs procFs, SupervisorListener listener, Clock wallClock) {
        this(procFs, listener, wallClock, Map.of());
    }

    public static SupervisorSettings defaults(SupervisorListener listener) {
        return new SupervisorSettings(ProcFs.SYSTEM, listener, Clock.systemUTC());
    }
}
