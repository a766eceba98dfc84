package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reaper's decisions against a fake kernel: which child is first in line, which ones have exited,
 * what fails. The real calls are covered by {@link NativeSpawnerTest} and {@link ReaperAsPid1Test}.
 */
class ChildReaperTest {

    private final FakeKernel kernel = new FakeKernel();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<ChildReaper> reapers = new ArrayList<>();

    @AfterEach
    void closeReapers() {
        reapers.forEach(ChildReaper::close);
        kernel.wake();
    }

    private ChildReaper reaper() {
        ChildReaper r = new ChildReaper("test-child-reaper", kernel, warnings::add);
        reapers.add(r);
        return r;
    }

    private NativeProcess child(ChildReaper reaper, int pid) {
        kernel.start(pid);
        NativeProcess p = new NativeProcess(pid);
        reaper.add(p);
        return p;
    }

    @Test
    void anExitBehindAForeignZombieIsDeliveredAndTheZombieIsLeftToItsOwner() throws Exception {
        ChildReaper reaper = reaper();
        kernel.start(900);
        kernel.exit(900, 0); // e.g. a JDK child its own reaper has not taken yet
        NativeProcess ours = child(reaper, 501);
        NativeProcess running = child(reaper, 502);
        kernel.exit(501, 7 << 8);
        assertThat(ours.onExit().get(10, SECONDS).exitValue()).isEqualTo(7);
        assertThat(running.isAlive()).isTrue();
        assertThat(kernel.reaped).doesNotContain(900);
        // While 502 runs it looks again after a pause that grows, instead of spinning on the zombie.
        int looks = kernel.looks.get();
        await().atMost(10, SECONDS).until(() -> kernel.looks.get() > looks + 5);
        assertThat(kernel.reaped).doesNotContain(900);
        kernel.reapedByOwner(900);
        kernel.exit(502, 0);
        assertThat(running.onExit().get(10, SECONDS).exitValue()).isZero();
    }

    @Test
    void asPid1OrSubreaperAForeignZombieIsReapedAfterTheGrace() throws Exception {
        kernel.reapsOrphans = true;
        ChildReaper reaper = reaper();
        kernel.start(900);
        kernel.exit(900, 0); // an orphan re-parented to jsupd
        await().atMost(10, SECONDS).until(() -> kernel.reaped.contains(900));
        NativeProcess ours = child(reaper, 510);
        kernel.exit(510, 9);
        assertThat(ours.onExit().get(10, SECONDS).exitValue()).isEqualTo(128 + 9);
    }

    @Test
    void orphansThatExitTogetherAreReapedTogetherNotOneGraceAfterAnother() throws Exception {
        kernel.reapsOrphans = true;
        ChildReaper reaper = reaper();
        NativeProcess ours = child(reaper, 520); // keeps the reaper looking
        for (int pid = 900; pid < 905; pid++) {
            kernel.start(pid);
            kernel.exit(pid, 0);
        }
        await().atMost(30, SECONDS).until(() -> kernel.reaped.size() == 5);
        // One after another they would be at least a grace apart each (four graces from first to last).
        long spread = kernel.reapedAt.values().stream().mapToLong(Long::longValue).max().getAsLong()
                - kernel.reapedAt.values().stream().mapToLong(Long::longValue).min().getAsLong();
        assertThat(spread).isLessThan(ChildReaper.ORPHAN_GRACE_NANOS);
        kernel.exit(520, 0);
        assertThat(ours.onExit().get(10, SECONDS).exitValue()).isZero();
    }

    @Test
    void anErrorThrownByAWaitIsLoggedAndTheReaperCarriesOn() throws Exception {
        kernel.failNextWait = new IllegalStateException("boom");
        ChildReaper reaper = reaper();
        NativeProcess ours = child(reaper, 503);
        kernel.exit(503, 3 << 8);
        assertThat(ours.onExit().get(10, SECONDS).exitValue()).isEqualTo(3);
        assertThat(warnings).contains("child-reaper: java.lang.IllegalStateException: boom");

        kernel.failNextWait = new OutOfMemoryError("no room");
        NativeProcess next = child(reaper, 504);
        kernel.exit(504, 0);
        assertThat(next.onExit().get(10, SECONDS).exitValue()).isZero();
        assertThat(warnings).contains("child-reaper: java.lang.OutOfMemoryError: no room");
    }

    @Test
    void aChildOfOursThatSomeoneElseReapedIsDeliveredAsLost() throws Exception {
        ChildReaper reaper = reaper();
        NativeProcess ours = child(reaper, 505);
        kernel.reapedByOwner(505); // gone without us: waitid says ECHILD
        assertThat(ours.onExit().get(10, SECONDS).exitValue()).isEqualTo(-1);
        assertThat(warnings).contains("child-reaper: pid 505 was reaped by someone else; its exit status is lost");
    }

    /** Children by pid: running (no status) or exited and not yet reaped (a status), in start order. */
    private static final class FakeKernel implements ChildReaper.WaitCalls {
        private final Map<Integer, Integer> children = new LinkedHashMap<>();
        final List<Integer> reaped = new CopyOnWriteArrayList<>();
        final Map<Integer, Long> reapedAt = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger looks = new AtomicInteger();
        volatile boolean reapsOrphans;
        volatile Throwable failNextWait;
        private boolean shut;

        synchronized void start(int pid) {
            children.put(pid, null);
            notifyAll();
        }

        synchronized void exit(int pid, int status) {
            children.put(pid, status);
            notifyAll();
        }

        synchronized void reapedByOwner(int pid) {
            children.remove(pid);
            notifyAll();
        }

        /** Ends the test's reapers: their next wait fails with EINTR and they see they are closed. */
        synchronized void wake() {
            shut = true;
            notifyAll();
        }

        @Override
        public synchronized int waitAny() {
            looks.incrementAndGet();
            Throwable fail = failNextWait;
            if (fail != null) {
                failNextWait = null;
                if (fail instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) fail;
            }
            while (true) {
                if (shut) {
                    throw new LastErrorException(ChildReaper.EINTR);
                }
                if (children.isEmpty()) {
                    throw new LastErrorException(ChildReaper.ECHILD);
                }
                for (Map.Entry<Integer, Integer> e : children.entrySet()) {
                    if (e.getValue() != null) {
                        return e.getKey();
                    }
                }
                try {
                    wait(100);
                } catch (InterruptedException ex) {
                    throw new LastErrorException(ChildReaper.EINTR);
                }
            }
        }

        @Override
        public synchronized int reap(int pid, IntByReference status) {
            if (!children.containsKey(pid)) {
                throw new LastErrorException(ChildReaper.ECHILD);
            }
            Integer s = children.get(pid);
            if (s == null) {
                return 0;
            }
            children.remove(pid);
            reaped.add(pid);
            reapedAt.put(pid, System.nanoTime());
            status.setValue(s);
            return pid;
        }

        @Override
        public boolean reapsOrphans() {
            return reapsOrphans;
        }

        @Override
        public synchronized java.util.Set<Integer> exitedChildren() {
            java.util.Set<Integer> zombies = new java.util.HashSet<>();
            children.forEach((pid, status) -> {
                if (status != null) {
                    zombies.add(pid);
                }
            });
            return zombies;
        }
    }
}
