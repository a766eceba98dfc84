package jsup.supervisor.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jsup.supervisor.libc.LibcBinding;

/**
 * The one {@code child-reaper} thread that learns the exit of every child {@link NativeSpawner} started.
 *
 * <p>It blocks in {@code waitid(P_ALL, WEXITED | WNOWAIT)}, which only looks: the first exited child is
 * reaped ({@code waitpid(pid, WNOHANG)}) only if it is one of ours. Any other child first in line (a
 * child the JDK started, whose own reaper takes it in a moment; or an orphan re-parented to jsupd as PID 1
 * or a subreaper) would hide every exit behind it, so then each child of ours is asked on its own with
 * {@code WNOHANG}, and the reaper looks again after a pause that grows to {@link #MAX_PAUSE_NANOS}. Such
 * a foreign zombie is reaped here only when jsupd is PID 1 or a subreaper, and only once it has stayed a
 * zombie for {@link #ORPHAN_GRACE_NANOS}: a JDK child is reaped by the JDK long before, so it keeps its
 * exit code. A child of ours that someone else reaped is reported with exit value -1: an exit is never
 * left undelivered. Every error is logged and the thread carries on.
 */
final class ChildReaper {

    /** How long a foreign zombie must stay before jsupd, as PID 1 or subreaper, reaps it as an orphan. */
    static final long ORPHAN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The longest pause between two looks while a foreign zombie is first in line, or after an error. */
    static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often to look for orphans while jsupd reaps orphans but has no child at all. */
    static final long IDLE_ORPHAN_LOOK_MILLIS = 1000;

    static final int ECHILD = 10;
    static final int EINTR = 4;

    /**
     * The wait calls, a seam so tests can make them fail. {@link #SYSTEM} is glibc's.
     */
    interface WaitCalls {
        /**
         * Blocks until some child has exited; returns its pid without reaping it.
         *
         * @throws LastErrorException ECHILD when there is no child at all, EINTR
         */
        int waitAny();

        /**
         * Reaps {@code pid} if it has exited.
         *
         * @return {@code pid} with its wait status in {@code status}, or 0 while it runs
         * @throws LastErrorException ECHILD when {@code pid} is no (longer a) child of this process
         */
        int reap(int pid, IntByReference status);

        /** Whether orphans are re-parented to this process: it is PID 1, or a subreaper. */
        boolean reapsOrphans();

        /**
         * Every child that has exited and is not reaped yet (zombies), or null where that cannot be read:
         * {@code waitid} shows only the first, so orphans that exit together are dated together by this.
         */
        default Set<Integer> exitedChildren() {
            return null;
        }
    }

    /** The children started here that have not been reaped yet, by pid. */
    private final Map<Integer, NativeProcess> children = new ConcurrentHashMap<>();
    private final Object childAdded = new Object();
    private final WaitCalls calls;
    private final Consumer<String> warnings;
    private final IntByReference status = new IntByReference();
    /** Foreign zombies by pid, and since when they have been seen (System.nanoTime). */
    private final Map<Integer, Long> foreignSince = new HashMap<>();
    private long pauseNanos;
    private volatile boolean closed;

    /**
     * Starts the thread.
     *
     * @param warnings told about every error (the thread carries on)
     */
    ChildReaper(String threadName, WaitCalls calls, Consumer<String> warnings) {
        this.calls = calls;
        this.warnings = warnings;
        Thread t = new Thread(this::reapForever, threadName);
        t.setDaemon(true);
        t.start();
    }

    /** Reports {@code process}'s exit once it ends. Call right after the spawn. */
    void add(NativeProcess process) {
        children.put((int) process.pid(), process);
        synchronized (childAdded) {
            childAdded.notifyAll();
        }
    }

    /** Ends the thread once its current wait returns (tests start reapers of their own). */
    void close() {
        closed = true;
        synchronized (childAdded) {
            childAdded.notifyAll();
        }
    }

    private void reapForever() {
        while (!closed) {
            try {
                awaitWork();
                lookOnce();
            } catch (InterruptedException e) {
                return; // the JVM is going away
            } catch (Throwable t) { // a JNA or JVM error: log it, and never stop delivering exits
                warnings.accept("child-reaper: " + t);
                try {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Waits while there is nothing to wait for: no child of ours, and no orphan to reap. */
    private void awaitWork() throws InterruptedException {
        synchronized (childAdded) {
            while (children.isEmpty() && !closed && !calls.reapsOrphans()) {
                childAdded.wait();
            }
        }
    }

    private void lookOnce() throws InterruptedException {
        int pid;
        try {
            pid = calls.waitAny();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return;
            }
            if (e.getErrorCode() != ECHILD) {
                throw e;
            }
            // No child at all: any of ours still listed was reaped by someone else.
            reapEachOfOurs();
            synchronized (childAdded) {
                if (!closed) {
                    childAdded.wait(IDLE_ORPHAN_LOOK_MILLIS);
                }
            }
            return;
        }
        NativeProcess ours = children.get(pid);
        if (ours != null) {
            reap(pid, ours);
            pauseNanos = 0;
            return;
        }
        // Not ours: every exit behind it is delivered one pid at a time, then it is either reaped (an
        // orphan of PID 1 / a subreaper) or left to its owner, looking again after a growing pause.
        reapEachOfOurs();
        if (reapOrphansPastGrace(pid, System.nanoTime())) {
            pauseNanos = 0;
            return;
        }
        pause();
    }

    /**
     * Dates {@code firstInLine} and every other foreign zombie in sight, and, as PID 1 or a subreaper, reaps
     * those seen for the grace: orphans that exit together are reaped together, not one grace after another.
     */
    private boolean reapOrphansPastGrace(int firstInLine, long now) {
        Set<Integer> zombies = calls.exitedChildren();
        Set<Integer> present = new HashSet<>();
        present.add(firstInLine);
        if (zombies != null) {
            zombies.stream().filter(z -> !children.containsKey(z)).forEach(present::add);
        }
        foreignSince.keySet().retainAll(present); // reaped by their owner meanwhile
        present.forEach(z -> foreignSince.putIfAbsent(z, now));
        if (!calls.reapsOrphans()) {
            return false;
        }
        boolean reaped = false;
        for (Map.Entry<Integer, Long> e : List.copyOf(foreignSince.entrySet())) {
            if (now - e.getValue() >= ORPHAN_GRACE_NANOS) {
                reaped |= reapOrphan(e.getKey());
            }
        }
        return reaped;
    }

    /** Reaps every child of ours that has exited, each on its own. */
    private void reapEachOfOurs() {
        for (Map.Entry<Integer, NativeProcess> e : children.entrySet()) {
            reap(e.getKey(), e.getValue());
        }
    }

    /** Reaps {@code pid} if it has exited and delivers its exit; one that is gone is delivered as lost. */
    private void reap(int pid, NativeProcess ours) {
        try {
            if (calls.reap(pid, status) == pid) {
                children.remove(pid);
                ours.exited(status.getValue());
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ECHILD) {
                throw e;
            }
            children.remove(pid);
            warnings.accept("child-reaper: pid " + pid + " was reaped by someone else; its exit status is lost");
            ours.lost();
        }
    }

    /** Reaps the orphan {@code pid}; whether it was reaped. */
    private boolean reapOrphan(int pid) {
        try {
            if (calls.reap(pid, status) == pid) {
                foreignSince.remove(pid);
                return true;
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ECHILD) { // ECHILD: its owner took it after all
                throw e;
            }
            foreignSince.remove(pid);
        }
        return false;
    }

    /** Sleeps 1 ms, then twice as long each time in a row, up to {@link #MAX_PAUSE_NANOS}. */
    private void pause() throws InterruptedException {
        pauseNanos = Math.min(MAX_PAUSE_NANOS, Math.max(TimeUnit.MILLISECONDS.toNanos(1), pauseNanos * 2));
        TimeUnit.NANOSECONDS.sleep(pauseNanos);
    }

    /** glibc's wait calls; null where they cannot be bound. */
    static WaitCalls system() {
        return SystemCalls.INSTANCE;
    }

    private static final class SystemCalls implements WaitCalls {
        static final SystemCalls INSTANCE = load();
        private static final int P_ALL = 0;
        private static final int WEXITED = 4;
        private static final int WNOHANG = 1;
        private static final int WNOWAIT = 0x01000000;
        private static final int PR_GET_CHILD_SUBREAPER = 37;
        /** Larger than siginfo_t (128 bytes). */
        private static final int SIGINFO_SIZE = 256;
        /** Where {@code si_pid} sits in a 64-bit siginfo_t: after three ints and the union's alignment. */
        private static final int SI_PID_OFFSET = 16;

        /** Per thread: a test's reaper may use these calls beside the real one. */
        private final ThreadLocal<Memory> info = ThreadLocal.withInitial(() -> new Memory(SIGINFO_SIZE));
        private final ThreadLocal<Memory> flag = ThreadLocal.withInitial(() -> new Memory(4));
        private final boolean pid1 = ProcessHandle.current().pid() == 1;

        private static SystemCalls load() {
            return LibcBinding.register(SystemCalls.class) ? new SystemCalls() : null;
        }

        @Override
        public int waitAny() {
            Memory siginfo = info.get();
            siginfo.clear();
            waitid(P_ALL, 0, siginfo, WEXITED | WNOWAIT);
            return siginfo.getInt(SI_PID_OFFSET);
        }

        @Override
        public int reap(int pid, IntByReference status) {
            return waitpid(pid, status, WNOHANG);
        }

        /** Zombies among this JVM's children: /proc/self/task/TID/children, then each one's state. */
        @Override
        public Set<Integer> exitedChildren() {
            Set<Integer> zombies = new HashSet<>();
            java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
            if (tasks == null) {
                return null;
            }
            for (java.io.File task : tasks) {
                String list;
                try {
                    list = java.nio.file.Files.readString(task.toPath().resolve("children"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended, or the kernel lacks CONFIG_PROC_CHILDREN
                }
                for (String pid : list.trim().split("\\s+")) {
                    if (!pid.isEmpty() && isZombie(pid)) {
                        zombies.add(Integer.parseInt(pid));
                    }
                }
            }
            return zombies;
        }

        private static boolean isZombie(String pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                int close = stat.lastIndexOf(')');
                return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
            } catch (java.io.IOException e) {
                return false;
            }
        }

        @Override
        public boolean reapsOrphans() {
            if (pid1) {
                return true;
            }
            Memory set = flag.get();
            set.setInt(0, 0);
            try {
                prctl(PR_GET_CHILD_SUBREAPER, set, 0, 0, 0);
            } catch (LastErrorException e) {
                return false;
            }
            return set.getInt(0) != 0;
        }

        static native int waitid(int idType, int id, Pointer info, int options) throws LastErrorException;

        static native int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

        static native int prctl(int option, Pointer arg2, long arg3, long arg4, long arg5) throws LastErrorException;
    }
}
