package jsup.supervisor.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Stops a tree outside the engine's state machine: the leftovers of a crashed run, or apps a dead
 * daemon left behind. Signal, poll until gone or the kill timeout, SIGKILL what is left (collected
 * again, so reparented orphans are included), poll again.
 */
final class TreeTerminator {

    static final long POLL_MILLIS = 50;
    static final Duration AFTER_KILL = Duration.ofSeconds(1);

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsup-terminate");
        t.setDaemon(true);
        return t;
    });

    private TreeTerminator() {
    }

    static CompletableFuture<Void> terminate(TrackedTree tree, Signaller signaller, String signal,
                                                    Duration killTimeout) {
        String name = Signals.normalize(signal);
        return CompletableFuture.runAsync(() -> {
            List<ProcessIdentity> members = membersOrNull(tree);
            if (members != null && members.isEmpty()) {
                return;
            }
            if (members != null) {
                signaller.sendStop(members, name);
            }
            if (waitGone(tree, killTimeout)) {
                return;
            }
            List<ProcessIdentity> left = membersOrNull(tree);
            if (left != null) {
                signaller.send(left, "KILL");
            }
            if (!waitGone(tree, AFTER_KILL)) {
                List<ProcessIdentity> survivors = membersOrNull(tree);
                throw new IllegalStateException(survivors == null
                        ? "cannot read /proc to tell whether they are gone" : "processes survived SIGKILL: " + survivors);
            }
        }, POOL);
    }

    /** The tree's live members, or null when /proc cannot be read: unknown, which is not gone. */
    private static List<ProcessIdentity> membersOrNull(TrackedTree tree) {
        try {
            return tree.liveMembers();
        } catch (ProcUnreadableException e) {
            return null;
        }
    }

    private static boolean waitGone(TrackedTree tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ProcessIdentity> members = membersOrNull(tree);
            if (members != null && members.isEmpty()) {
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
