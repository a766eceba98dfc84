package jsup.supervisor.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Stops a tree outside the engine's state machine: the leftovers of a crashed run, or apps a dead
 * daemon left behind. Signal, poll until gone or the kill timeout, SIGKILL what is left (collected
 * again, so reparented orphans are included), poll again.
 */
public final class TreeTerminator {

    static final long POLL_MILLIS = 50;
    static final Duration AFTER_KILL = Duration.ofSeconds(1);

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsup-terminate");
        t.setDaemon(true);
        return t;
    });

    private TreeTerminator() {
    }

    public static CompletableFuture<Void> terminate(TrackedTree tree, Signaller signaller, String signal,
                                                    Duration killTimeout) {
        String name = Signals.normalize(signal);
        return CompletableFuture.runAsync(() -> {
            List<ProcessIdentity> members = tree.liveMembers();
            if (members.isEmpty()) {
                return;
            }
            signaller.sendStop(members, name);
            if (waitGone(tree, killTimeout)) {
                return;
            }
            signaller.send(tree.liveMembers(), "KILL");
            if (!waitGone(tree, AFTER_KILL)) {
                throw new IllegalStateException("processes survived SIGKILL: " + tree.liveMembers());
            }
        }, POOL);
    }

    private static boolean waitGone(TrackedTree tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (tree.liveMembers().isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
