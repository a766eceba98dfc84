package jsup.supervisor.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;

/** Stops process trees that are not this JVM's children (e.g. apps a dead jsupd left behind). */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends {@code signal} to {@code root}, its descendants and the members of its process group and
     * session, waits up to {@code killTimeout}, then SIGKILLs whatever is left (collected again, so
     * processes reparented meanwhile are included).
     *
     * @param signal e.g. {@code TERM} or {@code SIGINT}
     * @return completes when every member is gone; completes exceptionally if some survive SIGKILL
     * @throws IllegalArgumentException for an unknown signal name
     */
    public static CompletableFuture<Void> terminate(ProcFs procFs, ProcessIdentity root, String signal,
                                                    Duration killTimeout) {
        return TreeTerminator.terminate(new TrackedTree(procFs, root), new Signaller(procFs), signal,
                killTimeout);
    }
}
