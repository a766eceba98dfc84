package jsup.cli.doctor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;

/**
 * Every pid of the process trees jsupd supervises: the apps' main pids and all their descendants, so
 * a port held by a worker an app forked still counts as the app's.
 */
final class SupervisedPids {

    private SupervisedPids() {
    }

    static Set<Integer> of(ProcFs procFs, Collection<Integer> mainPids) {
        if (mainPids.isEmpty()) {
            return Set.of();
        }
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (ProcInfo p : procFs.snapshot()) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p.pid());
        }
        Set<Integer> tree = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(mainPids);
        while (!todo.isEmpty()) {
            int pid = todo.pop();
            if (tree.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return tree;
    }
}
