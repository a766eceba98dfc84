package jsup.supervisor.process;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * One app's process tree as jsup knows it: the main process, its descendants, the members of its
 * process group and session, and every descendant seen in an earlier look that still runs with the
 * same start time. That last set is what finds a grandchild that detached with {@code setsid} and
 * was reparented to init once its parent died. A full read walks through {@link ProcSnapshot}; the
 * cheaper looks ({@link #walk}, {@link #anyAlive}) read only the members' {@code children} files. Not
 * thread-safe: owned by the engine thread (or by one {@link ProcessTree#terminate} call).
 */
public final class TrackedTree {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
    static final long TICKS_PER_SECOND = 100;

    private final ProcFs procFs;
    private final ProcessIdentity root;
    private final GroupProbe groups;
    /** Every member seen so far and still believed alive, with its CPU ticks at the last look. */
    private Map<ProcessIdentity, Long> known = new HashMap<>();
    private long lastSampleNanos = -1;
    /** CPU ticks of the run so far: every sample adds its members' new ticks. */
    private long cpuTicksTotal;
    private boolean childrenFileWorks = true;

    public TrackedTree(ProcFs procFs, ProcessIdentity root) {
        this(procFs, root, GroupProbe.UNKNOWN);
    }

    /** @param groups asked, once the main process is reaped, whether its process group still has members */
    TrackedTree(ProcFs procFs, ProcessIdentity root, GroupProbe groups) {
        this.procFs = procFs;
        this.root = root;
        this.groups = groups;
    }

    ProcessIdentity root() {
        return root;
    }

    /** Whether {@code /proc/<pid>/task/<pid>/children} exists (CONFIG_PROC_CHILDREN). */
    boolean childrenFileWorks() {
        return childrenFileWorks;
    }

    /**
     * The members found from a full read of {@code /proc}, remembered for later looks.
     *
     * @throws ProcUnreadableException when {@code /proc} cannot be read (after retries): the members
     *                                 are unknown, not gone (what was remembered is kept)
     */
    List<ProcInfo> collect() {
        return collect(procFs.readSnapshot());
    }

    /** The members found in {@code snapshot}: see the class comment. Remembers them. */
    List<ProcInfo> collect(List<ProcInfo> snapshot) {
        return collect(ProcSnapshot.of(snapshot));
    }

    /** As {@link #collect(List)}, in a snapshot already indexed. */
    List<ProcInfo> collect(ProcSnapshot snapshot) {
        ProcInfo atRootPid = snapshot.at(root.pid()).orElse(null);
        // A group or session id cannot be reused while it is in use; if another process now holds
        // the root's pid, the group of that number is that process's, not ours.
        boolean rootPidReused = atRootPid != null && !sameStart(atRootPid, root);
        List<ProcInfo> starts = new ArrayList<>();
        for (ProcInfo p : snapshot.all()) {
            boolean isRoot = p.pid() == root.pid() && !rootPidReused;
            boolean inGroup = !rootPidReused && (p.pgid() == root.pid() || p.sid() == root.pid());
            if (isRoot || inGroup || known.containsKey(identity(p))) {
                starts.add(p);
            }
        }
        List<ProcInfo> members = snapshot.descendants(starts);
        remember(members);
        return members;
    }

    /**
     * The members found by walking {@code children} files from the main process and from every
     * remembered member: a few small reads instead of a read of every process on the machine.
     *
     * @return the members, or empty when this kernel has no {@code children} files
     */
    Optional<List<ProcInfo>> walk() {
        return walk(new ProcFileReader(), false, List.of());
    }

    /**
     * As {@link #walk()}, reading through {@code reader}. A main-thread walk reads each member's
     * {@code task/<pid>/children}, which lists only the children its main thread forked; a thorough
     * walk ({@code allThreads}) reads the file of every thread and also starts from {@code orphans}
     * (children of the reapers, see {@link #reaperChildren}) in the main process's group or session,
     * so it finds what {@link #collect} finds without reading every process.
     */
    Optional<List<ProcInfo>> walk(ProcFileReader reader, boolean allThreads, List<ProcInfo> orphans) {
        if (!childrenFileWorks) {
            return Optional.empty();
        }
        String proc = procFs.root().toString();
        List<ProcInfo> starts = new ArrayList<>();
        ProcInfo atRootPid = reader.stat(proc, root.pid());
        // Else whoever holds the pid now could be taken for the main process.
        if (atRootPid != null && !atRootPid.isZombie() && sameStart(atRootPid, root)) {
            starts.add(atRootPid);
        }
        for (ProcessIdentity member : known.keySet()) {
            ProcInfo p = reader.stat(proc, member.pid());
            if (p != null && !p.isZombie() && sameStart(p, member)) {
                starts.add(p);
            }
        }
        if (!orphans.isEmpty() && (atRootPid == null || sameStart(atRootPid, root))) {
            for (ProcInfo p : orphans) {
                if (p.pgid() == root.pid() || p.sid() == root.pid()) {
                    starts.add(p);
                }
            }
        }
        try {
            return Optional.of(ProcSnapshot.walk(starts, p -> childrenOf(p, reader, proc, allThreads)));
        } catch (NoChildrenFiles e) {
            childrenFileWorks = false;
            return Optional.empty();
        }
    }

    /**
     * The live children of {@code parent} from its {@code children} files: a child's parentage proves it
     * is of the tree, so it needs no start time of its own (one reparented meanwhile is still ours).
     */
    private List<ProcInfo> childrenOf(ProcInfo parent, ProcFileReader reader, String proc, boolean allThreads) {
        List<ProcInfo> children = new ArrayList<>();
        try {
            for (int tid : allThreads ? threads(parent.pid()) : new int[] {parent.pid()}) {
                for (int pid : reader.children(proc, parent.pid(), tid)) {
                    ProcInfo child = reader.stat(proc, pid);
                    if (child != null && !child.isZombie()) {
                        children.add(child);
                    }
                }
            }
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            if (!allThreads && reader.stat(proc, parent.pid()) != null) {
                throw new NoChildrenFiles(); // the process is there, its children file is not
            }
        } catch (IOException e) {
            // The process (or a thread) exited between the reads: no children worth walking.
        }
        return children;
    }

    /** This kernel has no {@code children} files (CONFIG_PROC_CHILDREN off). */
    private static final class NoChildrenFiles extends RuntimeException {
        NoChildrenFiles() {
            super(null, null, false, false);
        }
    }

    /** The thread ids of {@code pid} ({@code task/} entries); just the pid when it cannot be listed. */
    private int[] threads(int pid) {
        String[] names = procFs.root().resolve(pid + "/task").toFile().list();
        if (names == null || names.length == 0) {
            return new int[] {pid};
        }
        int[] tids = new int[names.length];
        int n = 0;
        for (String name : names) {
            try {
                tids[n] = Integer.parseInt(name);
                n++;
            } catch (NumberFormatException e) {
                // not a thread entry
            }
        }
        return Arrays.copyOf(tids, n);
    }

    /**
     * The live children of the reapers (init, and this JVM's ancestors, any of which may be a
     * subreaper): where a member goes when its parents die. Read once per sampling pass and shared
     * by every tree.
     *
     * @return the children, or null when a reaper's {@code children} file cannot be read
     */
    static List<ProcInfo> reaperChildren(ProcFs procFs, ProcFileReader reader) {
        String proc = procFs.root().toString();
        List<ProcInfo> children = new ArrayList<>();
        for (int reaper : reapers(proc, reader)) {
            int[] pids;
            try {
                pids = reader.children(proc, reaper, reaper);
            } catch (IOException e) {
                return null;
            }
            for (int pid : pids) {
                ProcInfo p = reader.stat(proc, pid);
                if (p != null && !p.isZombie()) {
                    children.add(p);
                }
            }
        }
        return children;
    }

    /**
     * Whether any member still runs (throws {@link ProcUnreadableException} when that cannot be read),
     * answered without reading every process on the machine: the
     * main process and the remembered members are looked up by pid, and a member whose parents all
     * died can only have been reparented to a reaper (init, or a subreaper among this JVM's
     * ancestors), so only the children of those are read. Same answer as {@code !collect().isEmpty()}
     * (the group and session of a dead main process cannot be taken over while a member holds them),
     * in a few dozen small reads instead of one per process; falls back to {@link #collect()} when
     * this kernel has no {@code children} files.
     */
    boolean anyAlive() {
        return anyAlive(false);
    }

    /**
     * As {@link #anyAlive()}. Once the main process is reaped ({@code mainReaped}), an empty process
     * group (one {@link GroupProbe} call) stands in for reading the reapers' children: an orphan of
     * the group would be there. What it leaves out: a process that moved to a group of its own
     * inside the session after the last sample and let go of the output pipes (a session member that
     * keeps them is found through them, one seen by a sample through {@code known}).
     */
    boolean anyAlive(boolean mainReaped) {
        return anyAlive(new ProcFileReader(), mainReaped);
    }

    /** As {@link #anyAlive()}, reading through {@code reader}. */
    boolean anyAlive(ProcFileReader reader) {
        return anyAlive(reader, false);
    }

    private boolean anyAlive(ProcFileReader reader, boolean mainReaped) {
        if (!childrenFileWorks) {
            return !collect().isEmpty();
        }
        String proc = procFs.root().toString();
        ProcInfo atRootPid = reader.stat(proc, root.pid());
        if (atRootPid != null && !atRootPid.isZombie() && sameStart(atRootPid, root)) {
            return true;
        }
        for (ProcessIdentity member : known.keySet()) {
            ProcInfo p = reader.stat(proc, member.pid());
            if (p != null && !p.isZombie() && sameStart(p, member)) {
                return true;
            }
        }
        // The pid of a live group or session cannot be reused; another process at the main process's
        // pid means both are gone (as in collect).
        if (atRootPid != null && !sameStart(atRootPid, root)) {
            return false;
        }
        // Reaped, the main process no longer holds its group: empty means no orphan is in it.
        if (mainReaped && atRootPid == null && !groups.mayHaveMembers(root.pid())) {
            return false;
        }
        List<ProcInfo> orphans = reaperChildren(procFs, reader);
        if (orphans == null) {
            return !collect().isEmpty(); // an unreadable reaper: ask the full snapshot instead
        }
        for (ProcInfo p : orphans) {
            if (p.pgid() == root.pid() || p.sid() == root.pid()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an orphan of the main process can have gone: the ancestors of this JVM (one of them may
     * be a subreaper) and init, and this JVM itself when it made itself a subreaper
     * ({@link ChildSubreaper}, as {@code jsup run} does; jsupd never does). As PID 1 it is init.
     */
    private static List<Integer> reapers(String proc, ProcFileReader reader) {
        List<Integer> reapers = new ArrayList<>(4);
        int selfPid = (int) ProcessHandle.current().pid();
        if (ChildSubreaper.active() && selfPid > 1) {
            reapers.add(selfPid);
        }
        ProcInfo self = reader.stat(proc, selfPid);
        int next = self == null ? 1 : self.ppid();
        while (next > 1 && reapers.size() < 64) {
            reapers.add(next);
            ProcInfo p = reader.stat(proc, next);
            next = p == null ? 1 : p.ppid();
        }
        reapers.add(1);
        return reapers;
    }

    /**
     * Every member still alive, found through a full snapshot; empty when the tree is gone.
     *
     * @throws ProcUnreadableException when {@code /proc} cannot be read: unknown, not gone
     */
    List<ProcessIdentity> liveMembers() {
        return collect().stream().map(TrackedTree::identity).toList();
    }

    /**
     * Sums memory and CPU over {@code members} (found by {@link #collect} or {@link #walk}) and
     * remembers them for the next sample's CPU delta.
     */
    TreeUsage usage(List<ProcInfo> members, long nowNanos) {
        long rss = 0;
        long ticks = 0;
        long newTicks = 0;
        int threads = 0;
        int[] pids = new int[members.size()];
        int n = 0;
        for (ProcInfo p : members) {
            rss += p.rssBytes();
            threads += p.threads();
            pids[n++] = p.pid();
            Long before = known.get(identity(p));
            if (before != null) {
                ticks += Math.max(0, p.cpuTicks() - before);
            } else if (lastSampleNanos >= 0) {
                ticks += p.cpuTicks(); // new since the last sample: all its time is in this interval
            } else {
                newTicks += p.cpuTicks(); // the first sample: the time used before it counts in the total
            }
        }
        cpuTicksTotal += ticks + newTicks;
        double cpu = 0;
        if (lastSampleNanos >= 0 && nowNanos > lastSampleNanos) {
            double seconds = (nowNanos - lastSampleNanos) / 1e9;
            cpu = ticks * 100.0 / TICKS_PER_SECOND / seconds;
        }
        Map<ProcessIdentity, Long> next = new HashMap<>();
        members.forEach(p -> next.put(identity(p), p.cpuTicks()));
        known = next;
        lastSampleNanos = nowNanos;
        return new TreeUsage(rss, cpu, members.size(), threads, cpuTicksTotal, pids);
    }

    private void remember(List<ProcInfo> members) {
        Map<ProcessIdentity, Long> next = new HashMap<>();
        for (ProcInfo p : members) {
            ProcessIdentity id = identity(p);
            next.put(id, known.getOrDefault(id, p.cpuTicks()));
        }
        known = next;
    }

    static ProcessIdentity identity(ProcInfo p) {
        return new ProcessIdentity(p.pid(), p.startTime());
    }

    /** Only a known start time proves a pid is still the same process. */
    private static boolean sameStart(ProcInfo p, ProcessIdentity id) {
        return ProcSnapshot.sameProcess(p, id);
    }
}
