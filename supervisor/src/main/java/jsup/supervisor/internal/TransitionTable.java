package jsup.supervisor.internal;

import static jsup.supervisor.ProcessStatus.ERRORED;
import static jsup.supervisor.ProcessStatus.LAUNCHING;
import static jsup.supervisor.ProcessStatus.ONLINE;
import static jsup.supervisor.ProcessStatus.STOPPED;
import static jsup.supervisor.ProcessStatus.STOPPING;
import static jsup.supervisor.ProcessStatus.WAITING_RESTART;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jsup.supervisor.ProcessStatus;

/**
 * Every allowed edge of the app lifecycle as a (status, event) → status table (s6-supervise style).
 * A pair missing from the table is a bug in the caller: {@link StateMachine} refuses it.
 */
public final class TransitionTable {

    private static final Map<ProcessStatus, Map<LifecycleEvent, ProcessStatus>> EDGES =
            new EnumMap<>(ProcessStatus.class);

    static {
        edge(STOPPED, LifecycleEvent.START, LAUNCHING);
        edge(ERRORED, LifecycleEvent.START, LAUNCHING);
        edge(ERRORED, LifecycleEvent.STOP, STOPPED);

        edge(LAUNCHING, LifecycleEvent.SPAWNED, ONLINE);
        edge(LAUNCHING, LifecycleEvent.LAUNCH_FAILED, ERRORED);
        // No process exists yet while pre-start runs; its result is dropped.
        edge(LAUNCHING, LifecycleEvent.STOP, STOPPED);

        edge(ONLINE, LifecycleEvent.EXIT_RESTART, LAUNCHING);
        edge(ONLINE, LifecycleEvent.EXIT_RESTART_DELAYED, WAITING_RESTART);
        edge(ONLINE, LifecycleEvent.EXIT_STAY, STOPPED);
        edge(ONLINE, LifecycleEvent.EXIT_GIVE_UP, ERRORED);
        edge(ONLINE, LifecycleEvent.STOP, STOPPING);
        edge(ONLINE, LifecycleEvent.RESTART, STOPPING);

        edge(WAITING_RESTART, LifecycleEvent.DELAY_ELAPSED, LAUNCHING);
        edge(WAITING_RESTART, LifecycleEvent.START, LAUNCHING);
        // Stopping during the delay cancels the pending restart.
        edge(WAITING_RESTART, LifecycleEvent.STOP, STOPPED);

        edge(STOPPING, LifecycleEvent.STOP_DONE, STOPPED);
        edge(STOPPING, LifecycleEvent.STOP_DONE_RELAUNCH, LAUNCHING);
        // Never relaunched: the survivor may wake up and run beside a new run.
        edge(STOPPING, LifecycleEvent.STOP_FAILED, ERRORED);
    }

    private TransitionTable() {
    }

    private static void edge(ProcessStatus from, LifecycleEvent event, ProcessStatus to) {
        EDGES.computeIfAbsent(from, k -> new EnumMap<>(LifecycleEvent.class)).put(event, to);
    }

    /** The status {@code event} leads to from {@code from}, or empty when the edge does not exist. */
    public static Optional<ProcessStatus> next(ProcessStatus from, LifecycleEvent event) {
        return Optional.ofNullable(EDGES.getOrDefault(from, Map.of()).get(event));
    }
}
