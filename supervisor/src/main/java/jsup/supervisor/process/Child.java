package jsup.supervisor.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One running app process and the tree below it: the engine's only handle on the OS for a run.
 * {@link OsChild} is the real one; tests use a recording fake.
 */
public interface Child {

    long pid();

    /** Field 22 of {@code /proc/<pid>/stat}, or -1 when the process was gone before it was read. */
    long startTime();

    /** Completes when the main process exited and its output was written (bounded wait). */
    CompletableFuture<ExitStatus> exited();

    /** Sends {@code signal} to every member of the tree, remembering them; returns how many. */
    int signalTree(String signal);

    /** Collects the tree again and sends SIGKILL to every member; returns how many. */
    int killTree();

    /** Whether any member of the tree (the main process included) still runs. */
    boolean treeAlive();

    /** Sends {@code signal} to the main process only. */
    void signalMain(String signal);

    /** Stops what is left of the tree after the main process died on its own. */
    CompletableFuture<Void> terminateLeftovers(String signal, Duration killTimeout);

    /** The tree for memory and CPU sampling, or null when this child has none to sample. */
    TrackedTree tree();
}
