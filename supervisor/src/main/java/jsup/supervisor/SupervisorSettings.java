package jsup.supervisor;

import java.time.Clock;
import java.util.Objects;
import jsup.healthmon.proc.ProcFs;

/**
 * What a {@link Supervisor} needs from outside.
 *
 * @param procFs    where processes are looked at ({@link ProcFs#SYSTEM} in production)
 * @param listener  hears transitions, spawns and messages, on the engine thread
 * @param wallClock for the times people see (transitions, restart history, start times)
 */
public record SupervisorSettings(ProcFs procFs, SupervisorListener listener, Clock wallClock) {

    public SupervisorSettings {
        Objects.requireNonNull(procFs, "procFs");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(wallClock, "wallClock");
    }

    public static SupervisorSettings defaults(SupervisorListener listener) {
        return new SupervisorSettings(ProcFs.SYSTEM, listener, Clock.systemUTC());
    }
}
