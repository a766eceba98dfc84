package jsup.supervisor.process;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;

/** A real child process started by {@link OsChildLauncher}, in its own session and process group. */
final class OsChild implements Child {

    /**
     * How long an exit waits for the output to drain. A grandchild that survives its parent may hold
     * the pipes open for ever; its output still reaches the log, only the exit does not wait for it.
     */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(1);
    /** How long the output's reader waits, once the output has ended, for the process to be reaped. */
    static final Duration EXIT_AFTER_OUTPUT_WAIT = Duration.ofMillis(10);
    private final Process process;
    private final long startTime;
    private final TrackedTree tree;
    private final Signaller signaller;
    private final CompletableFuture<Void> drained;
    private final CompletableFuture<ExitStatus> exited = new CompletableFuture<>();
    private final ProcFs procFs;

    OsChild(Process process, long startTime, TrackedTree tree, Signaller signaller,
            CompletableFuture<Void> drained, ProcFs procFs) {
        this.process = process;
        this.startTime = startTime;
        this.tree = tree;
        this.signaller = signaller;
        this.drained = drained;
        this.procFs = procFs;
        // Whichever comes last reports the exit: the output's end (seen on the log-selector thread) or
        // the reap (Process.onExit: on the child-reaper thread for a posix_spawn child, after a hop from
        // the JDK's reaper thread for a ProcessBuilder one). The output
        // ends while the process dies, a moment before the reaper wakes: usually the zombie's /proc stat
        // already shows the exit status; otherwise the process is a few microseconds short of being a
        // zombie, or the reaper has just taken it and is publishing the value. The selector thread
        // waits briefly for that rather than leave the report to the hop (measured: 6 of 12 kills went
        // that way, each 0.8-3 ms later). Bounded, since the selector reads every app's output: a
        // process that closes its output and lives on costs it one such wait.
        drained.whenComplete((v, e) -> {
            OptionalInt zombie = process.isAlive()
                    ? procFs.zombieWaitStatus((int) process.pid()) : OptionalInt.empty();
            if (zombie.isPresent()) {
                exited.complete(ExitStatus.fromWaitStatus(zombie.getAsInt()));
            } else if (exitedWithin(EXIT_AFTER_OUTPUT_WAIT)) {
                exited.complete(ExitStatus.fromExitValue(process.exitValue()));
            }
        });
        process.onExit()
                .thenCompose(p -> exited.isDone() ? exited.thenApply(s -> null) // already reported
                        : drained.exceptionally(t -> null).toCompletableFuture().copy()
                                .completeOnTimeout(null, DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .whenComplete((v, e) -> exited.complete(ExitStatus.fromExitValue(process.exitValue())));
    }

    private boolean exitedWithin(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long startTime() {
        return startTime;
    }

    @Override
    public CompletableFuture<ExitStatus> exited() {
        return exited;
    }

    @Override
    public int signalTree(String signal) {
        return signalTree(Signals.normalize(signal), true);
    }

    @Override
    public int killTree() {
        return signalTree("KILL", false);
    }

    /**
     * Signals every member the tree finds. The main process is signalled through its own handle when
     * the tree could not vouch for it ({@code /proc} unreadable, or no start time known): while this JVM
     * has not reaped it, its pid is still its own.
     */
    private int signalTree(String name, boolean stop) {
        List<ProcessIdentity> members;
        try {
            members = tree.liveMembers();
        } catch (ProcUnreadableException e) {
            members = List.of(); // unknown: only the main process can be reached safely
        }
        Set<Integer> signalled = signaller.deliver(members, name, stop);
        int n = signalled.size();
        if (!signalled.contains((int) process.pid()) && signaller.sendToChild(process, name)) {
            n++;
        }
        return n;
    }

    @Override
    public boolean treeAlive() {
        // An exit already read from the zombie's stat is final even while the reaper has not yet
        // taken it: counted alive, every such restart waited for "leftovers" on a thread of its own.
        if (process.isAlive() && !exited.isDone()) {
            return true;
        }
        try {
            // Output still held open after the exit: some process of the run lives on. Let the full
            // snapshot find it, whatever the quick look would miss.
            if (!drained.isDone()) {
                return !tree.liveMembers().isEmpty();
            }
            // The group probe cannot tell an unreaped main process from a leftover in its group: the
            // reaper is a moment behind an exit read from the zombie, so wait for it (no CPU) briefly.
            boolean reaped = !process.isAlive() || exitedWithin(EXIT_AFTER_OUTPUT_WAIT);
            return tree.anyAlive(reaped);
        } catch (ProcUnreadableException e) {
            return true; // unknown is not gone: a stop ends at its give-up, leftovers wait for /proc
        }
    }

    @Override
    public void signalMain(String signal) {
        String name = Signals.normalize(signal);
        if (process.isAlive() && signaller.deliver(List.of(new ProcessIdentity((int) process.pid(), startTime)),
                name, false).isEmpty()) {
            signaller.sendToChild(process, name);
        }
    }

    @Override
    public CompletableFuture<Void> terminateLeftovers(String signal, Duration killTimeout) {
        return TreeTerminator.terminate(tree, signaller, signal, killTimeout);
    }

    @Override
    public TrackedTree tree() {
        return tree;
    }
}
