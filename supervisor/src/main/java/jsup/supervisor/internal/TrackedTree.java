package jsup.supervisor.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * One app's process tree as jsup knows it: the main process, its descendants, the members of its
 * process group and session, and every descendant seen in an earlier look that still runs with the
 * same start time. That last set is what finds a grandchild that detached with {@code setsid} and
 * was reparented to init once its parent died. Not thread-safe: owned by the engine thread (or by one
 * {@link ProcessTree#terminate} call).
 */
public final class TrackedTree {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
    static final long TICKS_PER_SECOND = 100;

    private final ProcFs procFs;
    private final ProcessIdentity root;
    /** Every member seen so far and still believed alive, with its CPU ticks at the last look. */
    private Map<ProcessIdentity, Long> known = new HashMap<>();
    private long lastSampleNanos = -1;
    private boolean childrenFileWorks = true;

    public TrackedTree(ProcFs procFs, ProcessIdentity root) {
        this.procFs = procFs;
        this.root = root;
    }

    public ProcessIdentity root() {
        return root;
    }

    /** Whether {@code /proc/<pid>/task/<pid>/children} exists (CONFIG_PROC_CHILDREN). */
    public boolean childrenFileWorks() {
        return childrenFileWorks;
    }

    /** The members found from a full {@link ProcFs#snapshot()}, remembered for later looks. */
    public List<ProcInfo> collect() {
        return collect(procFs.snapshot());
    }

    /** The members found in {@code snapshot}: see the class comment. Remembers them. */
    public List<ProcInfo> collect(List<ProcInfo> snapshot) {
        Map<Integer, ProcInfo> byPid = new HashMap<>();
        Map<Integer, List<ProcInfo>> byParent = new HashMap<>();
        for (ProcInfo p : snapshot) {
            if (!p.isZombie()) {
                byPid.put(p.pid(), p);
                byParent.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
            }
        }
        ProcInfo atRootPid = byPid.get(root.pid());
        // A group or session id cannot be reused while it is in use; if another process now holds
        // the root's pid, the group of that number is that process's, not ours.
        boolean rootPidReused = atRootPid != null && !sameStart(atRootPid, root);
        Deque<ProcInfo> queue = new ArrayDeque<>();
        for (ProcInfo p : byPid.values()) {
            boolean isRoot = p.pid() == root.pid() && !rootPidReused;
            boolean inGroup = !rootPidReused && (p.pgid() == root.pid() || p.sid() == root.pid());
            if (isRoot || inGroup || known.containsKey(identity(p))) {
                queue.add(p);
            }
        }
        List<ProcInfo> members = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            ProcInfo p = queue.poll();
            if (!seen.add(p.pid())) {
                continue;
            }
            members.add(p);
            queue.addAll(byParent.getOrDefault(p.pid(), List.of()));
        }
        remember(members);
        return members;
    }

    /**
     * The members found by walking {@code children} files from the main process and from every
     * remembered member: a few small reads instead of a read of every process on the machine.
     *
     * @return the members, or empty when this kernel has no {@code children} files
     */
    public Optional<List<ProcInfo>> walk() {
        return walk(new ProcFileReader());
    }

    /** As {@link #walk()}, reading through {@code reader}. */
    Optional<List<ProcInfo>> walk(ProcFileReader reader) {
        if (!childrenFileWorks) {
            return Optional.empty();
        }
        Deque<ProcessIdentity> queue = new ArrayDeque<>();
        queue.add(root);
        queue.addAll(known.keySet());
        List<ProcInfo> members = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            ProcessIdentity next = queue.poll();
            if (!seen.add(next.pid())) {
                continue;
            }
            ProcInfo info = stat(reader, next.pid());
            if (info == null || info.isZombie()
                    || (next.startTime() >= 0 && info.startTime() != next.startTime())) {
                continue;
            }
            members.add(info);
            try {
                String children = reader.read(procFs.root().resolve(next.pid() + "/task/"
                        + next.pid() + "/children"));
                for (String child : children.trim().split(" ")) {
                    if (!child.isEmpty()) {
                        queue.add(new ProcessIdentity(Integer.parseInt(child), -1));
                    }
                }
            } catch (java.io.FileNotFoundException | NoSuchFileException e) {
                if (stat(reader, next.pid()) != null) {
                    childrenFileWorks = false;
                    return Optional.empty();
                }
            } catch (IOException | NumberFormatException e) {
                // The process exited between the two reads: it has no children worth walking.
            }
        }
        return Optional.of(members);
    }

    private ProcInfo stat(ProcFileReader reader, int pid) {
        try {
            return ProcFs.parseStat(reader.read(procFs.root().resolve(pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every member still alive, found through a full snapshot; empty when the tree is gone. */
    public List<ProcessIdentity> liveMembers() {
        return collect().stream().map(TrackedTree::identity).toList();
    }

    /**
     * Sums memory and CPU over {@code members} (found by {@link #collect} or {@link #walk}) and
     * remembers them for the next sample's CPU delta.
     */
    public TreeUsage usage(List<ProcInfo> members, long nowNanos) {
        long rss = 0;
        long ticks = 0;
        for (ProcInfo p : members) {
            rss += p.rssBytes();
            Long before = known.get(identity(p));
            if (before != null) {
                ticks += Math.max(0, p.cpuTicks() - before);
            } else if (lastSampleNanos >= 0) {
                ticks += p.cpuTicks(); // new since the last sample: all its time is in this interval
            }
        }
        double cpu = 0;
        if (lastSampleNanos >= 0 && nowNanos > lastSampleNanos) {
            double seconds = (nowNanos - lastSampleNanos) / 1e9;
            cpu = ticks * 100.0 / TICKS_PER_SECOND / seconds;
        }
        Map<ProcessIdentity, Long> next = new HashMap<>();
        members.forEach(p -> next.put(identity(p), p.cpuTicks()));
        known = next;
        lastSampleNanos = nowNanos;
        return new TreeUsage(rss, cpu, members.size());
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

    private static boolean sameStart(ProcInfo p, ProcessIdentity id) {
        return id.startTime() < 0 || p.startTime() == id.startTime();
    }
}
