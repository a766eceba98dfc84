package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.supervisor.AppStatus;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.AppSpecJson;
import jsup.supervisor.config.InstanceExpansion;

/**
 * The registered instances of an app, and what {@code save} and state.json keep of them: the app as
 * defined (from instance 0) with the live count, so a resurrect brings back as many as ran.
 */
final class InstanceSets {

    private InstanceSets() {
    }

    /** The instances of {@code app} among {@code all}, by instance id. */
    static List<AppStatus> of(String app, List<AppStatus> all) {
        List<AppStatus> set = new ArrayList<>();
        for (AppStatus s : all) {
            if (InstanceExpansion.appName(s.name()).equals(app)) {
                set.add(s);
            }
        }
        set.sort(Comparator.comparingInt(s -> s.spec().instances().id()));
        return set;
    }

    /** The apps that have more than one instance registered. */
    static Set<String> withSeveral(List<AppStatus> all) {
        Map<String, Integer> counts = new HashMap<>();
        for (AppStatus s : all) {
            counts.merge(s.spec().appName(), 1, Integer::sum);
        }
        Set<String> several = new HashSet<>();
        counts.forEach((app, n) -> {
            if (n > 1) {
                several.add(app);
            }
        });
        return several;
    }

    /** How many instances the set has: one past its highest id. */
    static int liveCount(List<AppStatus> set) {
        return set.isEmpty() ? 0 : set.get(set.size() - 1).spec().instances().id() + 1;
    }

    /** The app as defined, with the set's live count; {@code set} holds instance 0. */
    static AppSpec definition(List<AppStatus> set) {
        return InstanceExpansion.definition(set.get(0).spec(), liveCount(set));
    }

    /**
     * Instances about to be added ({@code scale}, the reload's spare), their {@code depends_on} widened to
     * every registered instance of what they need, as the loader does for a file.
     */
    static List<AppSpec> linked(List<AppSpec> fresh, List<AppStatus> registered) {
        List<AppSpec> all = new ArrayList<>();
        registered.forEach(s -> all.add(s.spec()));
        all.addAll(fresh);
        List<AppSpec> linked = InstanceExpansion.linkDependencies(all);
        return linked.subList(registered.size(), linked.size());
    }

    /** Whether {@code save} writes this app: instance 0 of a set stands for the whole set. */
    static boolean saved(AppStatus s) {
        return s.spec().instances().id() == 0;
    }

    /** What {@code save} writes for instance 0 ({@link #saved}): the set's definition with its live count. */
    static ObjectNode savedConfig(AppStatus s, List<AppStatus> all) {
        List<AppStatus> set = of(s.spec().appName(), all);
        return AppSpecJson.toJson(set.size() <= 1 ? InstanceExpansion.definition(s.spec(), 1) : definition(set));
    }
}
