package jsup.supervisor.internal;

import java.time.Duration;

/**
 * What the restart policy remembers between exits: the restart history it decides from.
 *
 * @param unstableExits unstable exits in a row (each within {@code min_uptime} of its start)
 * @param lastBackoff   the previous exponential backoff delay, {@link Duration#ZERO} when none
 */
public record RestartCounters(int unstableExits, Duration lastBackoff) {

    public static final RestartCounters NONE = new RestartCounters(0, Duration.ZERO);
}
