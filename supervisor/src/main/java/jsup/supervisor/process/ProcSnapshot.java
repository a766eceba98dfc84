package jsup.supervisor.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * One read of {@code /proc}: every live process (zombies left out), indexed by pid and by parent, so a
 * walk down a tree costs one look per member instead of a scan of every process per member. Every walk
 * of a process tree goes through {@link #walk}: over this index for a full read ({@link TrackedTree#collect},
 * jsupd's health checks, the search for a dead jsupd's marked processes), over the members'
 * {@code children} files for the sampler's cheaper look ({@link TrackedTree#walk}). A start is only taken as the process
 * it names when its start time is known and matches: a reused pid is never walked into.
 */
public final class ProcSnapshot {

    private final List<ProcInfo> live;
    private final Map<Integer, ProcInfo> byPid;
    private final Map<Integer, List<ProcInfo>> byParent;

    private ProcSnapshot(List<ProcInfo> processes) {
        live = new ArrayList<>(processes.size());
        byPid = new HashMap<>(processes.size() * 2);
        byParent = new HashMap<>();
        for (ProcInfo p : processes) {
            if (!p.isZombie()) {
                live.add(p);
                byPid.put(p.pid(), p);
                byParent.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
            }
        }
    }

    /**
     * Reads every process once.
     *
     * @throws jsup.healthmon.proc.ProcUnreadableException when {@code /proc} cannot be read (after
     *                                                     retries): unknown, never "no process"
     */
    public static ProcSnapshot read(ProcFs procFs) {
        return of(procFs.readSnapshot());
    }

    /** The snapshot of {@code processes} (as {@link ProcFs#readSnapshot()} returns them). */
    static ProcSnapshot of(List<ProcInfo> processes) {
        return new ProcSnapshot(processes);
    }

    /** Every live process. */
    public List<ProcInfo> all() {
        return live;
    }

    /** The live process at {@code pid}, whoever it is. */
    Optional<ProcInfo> at(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** {@code id} when it is alive with its start time; empty when gone, reused, or its start time unknown. */
    Optional<ProcInfo> find(ProcessIdentity id) {
        ProcInfo p = byPid.get(id.pid());
        return p != null && sameProcess(p, id) ? Optional.of(p) : Optional.empty();
    }

    /** {@code root} (when {@link #find found}) and every descendant of it; empty when it is not found. */
    public List<ProcInfo> tree(ProcessIdentity root) {
        return find(root).map(p -> descendants(List.of(p))).orElse(List.of());
    }

    /**
     * {@code starts} and every descendant of each, once each, parents before their children: a
     * breadth-first walk over the children index, linear in the members found.
     */
    List<ProcInfo> descendants(Collection<ProcInfo> starts) {
        return walk(starts, p -> byParent.getOrDefault(p.pid(), List.of()));
    }

    /**
     * The one walk down process trees, whatever the source of each process's children (this index, or
     * the kernel's {@code children} files in {@link TrackedTree#walk}): {@code starts} (verified by the
     * caller) and every descendant, once each, parents first.
     */
    static List<ProcInfo> walk(Collection<ProcInfo> starts, Function<ProcInfo, List<ProcInfo>> childrenOf) {
        List<ProcInfo> members = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Deque<ProcInfo> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            ProcInfo p = queue.poll();
            if (!seen.add(p.pid())) {
                continue;
            }
            members.add(p);
            queue.addAll(childrenOf.apply(p));
        }
        return members;
    }

    /** Only a known start time proves that a pid is still the same process. */
    static boolean sameProcess(ProcInfo p, ProcessIdentity id) {
        return id.hasStartTime() && p.startTime() == id.startTime();
    }
}
