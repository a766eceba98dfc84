package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.process.Child;
import jsup.supervisor.process.ExitStatus;
import jsup.supervisor.process.TrackedTree;

/** A child that records what was sent to it and exits when the test says so. */
final class FakeChild implements Child {

    private final long pid;
    private final CompletableFuture<ExitStatus> exited = new CompletableFuture<>();
    final List<String> signals = new ArrayList<>();
    /** Whether processes stay after the main one exits (a grandchild ignoring the stop signal). */
    boolean leftovers;
    /** What {@link #terminateLeftovers} returns: completes when the test says the leftovers are gone. */
    CompletableFuture<Void> leftoversGone = CompletableFuture.completedFuture(null);

    FakeChild(long pid) {
        this.pid = pid;
    }

    void exit(int exitValue) {
        exited.complete(ExitStatus.fromExitValue(exitValue));
    }

    void assertSignals(String... expected) {
        assertThat(signals).containsExactly(expected);
        signals.clear();
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public long startTime() {
        return 1000 + pid;
    }

    @Override
    public CompletableFuture<ExitStatus> exited() {
        return exited;
    }

    @Override
    public int signalTree(String signal) {
        signals.add("tree " + signal);
        return 1;
    }

    @Override
    public int killTree() {
        signals.add("tree KILL");
        leftovers = false;
        return 1;
    }

    @Override
    public boolean treeAlive() {
        return !exited.isDone() || leftovers;
    }

    @Override
    public void signalMain(String signal) {
        signals.add("main " + signal);
    }

    @Override
    public CompletableFuture<Void> terminateLeftovers(String signal, Duration killTimeout) {
        signals.add("leftovers " + signal);
        leftovers = false;
        return leftoversGone;
    }

    @Override
    public TrackedTree tree() {
        return null;
    }
}
