package jsup.supervisor.internal;

/**
 * What can happen to an app. Each event names one outcome, so {@link TransitionTable} maps a
 * (status, event) pair to exactly one next status; the restart policy has already chosen between
 * the {@code EXIT_*} events.
 */
public enum LifecycleEvent {
    /** Want up: a start command, or a manual restart of an app that does not run. */
    START,
    /** Pre-start steps passed and the child process was spawned. */
    SPAWNED,
    /** A pre-start step failed or the command could not be run. */
    LAUNCH_FAILED,
    /** The process exited; the policy restarts it at once. */
    EXIT_RESTART,
    /** The process exited; the policy restarts it after a delay. */
    EXIT_RESTART_DELAYED,
    /** The process exited; the policy does not restart it (autorestart off, stop exit code). */
    EXIT_STAY,
    /** The process exited; the crash-loop limit is reached. */
    EXIT_GIVE_UP,
    /** The restart delay is over. */
    DELAY_ELAPSED,
    /** Want down: a stop command. */
    STOP,
    /** A restart of a running process (manual, memory cap, health): stop it, then start again. */
    RESTART,
    /** The process and its whole tree are gone after a stop. */
    STOP_DONE,
    /** The process and its whole tree are gone after a stop that was part of a restart. */
    STOP_DONE_RELAUNCH,
    /** The main process survived SIGKILL (uninterruptible, e.g. in D state): the stop gives up. */
    STOP_FAILED
}
