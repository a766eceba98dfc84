package jsup.supervisor.daemon;

import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.AppStatus;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * {@code jsup scale NAME N|+N|-N}: grows the live set of an app's instances with new ones (ids after the
 * highest, started when instance 0 is wanted up) or shrinks it, the highest ids stopping and going first.
 */
final class Scaling {

    /** What a scale did: the instances added and removed, by name. */
    record Outcome(int from, int to, List<String> added, List<String> removed) {
    }

    /** More instances than this is a typo (as in the ecosystem file). */
    static final int MAX = 1024;

    private Scaling() {
    }

    /**
     * The count asked for: {@code N}, {@code +N} (N more), {@code -N} (N fewer) or {@code max} (one per core).
     *
     * @throws ControlException BAD_REQUEST naming the value, or a result below 1
     */
    static int target(String request, int current, int cores) throws ControlException {
        String text = request == null ? "" : request.strip();
        int target;
        try {
            if (text.equalsIgnoreCase("max")) {
                target = cores;
            } else if (text.startsWith("+")) {
                target = current + Integer.parseInt(text.substring(1));
            } else if (text.startsWith("-")) {
                target = current - Integer.parseInt(text.substring(1));
            } else {
                target = Integer.parseInt(text);
            }
        } catch (NumberFormatException e) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "\"" + request + "\" is not a count of instances; use N, "
                    + "+N (more), -N (fewer) or max (one per core), e.g. jsup scale api 4");
        }
        if (target < 1 || target > MAX) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "\"" + request + "\" gives " + target
                    + " instances; a scale keeps 1 to " + MAX + " (to stop every instance use `jsup stop`)");
        }
        return target;
    }

    /** Scales {@code set} (one app's instances, by id) to {@code count}. */
    static Outcome apply(Jsupd jsupd, List<AppStatus> set, int count) {
        int live = InstanceSets.liveCount(set);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (count > live) {
            AppSpec definition = InstanceSets.definition(set);
            List<AppSpec> fresh = new ArrayList<>();
            for (int id = live; id < count; id++) {
                fresh.add(InstanceExpansion.instance(definition, id));
            }
            boolean start = Jsupd.isRunning(set.get(0));
            fresh = InstanceSets.linked(fresh, jsupd.supervisor().list());
            jsupd.admit(fresh, s -> start);
            fresh.forEach(s -> added.add(s.name()));
        } else {
            for (int i = set.size() - 1; i >= 0 && set.get(i).spec().instances().id() >= count; i--) {
                jsupd.delete(set.get(i).name());
                removed.add(set.get(i).name());
            }
        }
        jsupd.requestStateWrite();
        return new Outcome(live, count, added, removed);
    }
}
