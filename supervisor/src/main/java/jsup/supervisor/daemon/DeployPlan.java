package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import jsup.supervisor.AppStatus;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.AppSpecJson;
import jsup.supervisor.config.InstanceExpansion;

/**
 * What deploying an ecosystem file changes, app by app, worked out before anything is touched
 * (docs/control-protocol.md, "Deploying a file"): added, changed (which keys), unchanged, or
 * registered with jsupd but not in the file (kept: only {@code jsup delete} removes an app).
 */
final class DeployPlan {

    enum Change {
        ADDED, CHANGED, UNCHANGED, NOT_IN_FILE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One app of the plan.
     *
     * @param spec the file's definition; null for {@link Change#NOT_IN_FILE}
     * @param keys the changed keys ({@code env.NAME} for one variable), empty unless changed
     */
    record Entry(String name, Change change, List<String> keys, AppSpec spec) {
    }

    private final List<Entry> entries;

    private DeployPlan(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param wholeFile false with {@code --only}: apps outside the selection are then not listed as
     *                  missing from the file
     */
    static DeployPlan of(List<AppSpec> file, List<AppStatus> registered, boolean wholeFile) {
        Map<String, AppStatus> known = new LinkedHashMap<>();
        for (AppStatus s : registered) {
            known.put(s.name(), s);
        }
        List<Entry> entries = new ArrayList<>();
        for (AppSpec spec : file) {
            AppStatus current = known.remove(spec.name());
            if (current == null) {
                entries.add(new Entry(spec.name(), Change.ADDED, List.of(), spec));
            } else if (InstanceExpansion.sameBesidesCount(current.spec(), spec)) { // a scaled set stays as it runs
                entries.add(new Entry(spec.name(), Change.UNCHANGED, List.of(), spec));
            } else {
                entries.add(new Entry(spec.name(), Change.CHANGED, changedKeys(current.spec(), spec), spec));
            }
        }
        if (wholeFile) {
            for (String name : known.keySet()) {
                entries.add(new Entry(name, Change.NOT_IN_FILE, List.of(), null));
            }
        }
        return new DeployPlan(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    List<Entry> entries(Change change) {
        return entries.stream().filter(e -> e.change() == change).toList();
    }

    /** The keys whose values differ, in ecosystem form; for {@code env}, each variable that differs. */
    static List<String> changedKeys(AppSpec before, AppSpec after) {
        ObjectNode a = AppSpecJson.toJson(before);
        ObjectNode b = AppSpecJson.toJson(after);
        TreeSet<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            JsonNode x = a.get(key);
            JsonNode y = b.get(key);
            if (x != null && x.equals(y)) {
                continue;
            }
            if (key.equals("env") && x != null && y != null) {
                changed.addAll(changedVariables(x, y));
            } else {
                changed.add(key);
            }
        }
        return changed.isEmpty() ? List.of("(internal)") : changed;
    }

    private static List<String> changedVariables(JsonNode before, JsonNode after) {
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String n : names) {
            if (!before.path(n).equals(after.path(n))) {
                changed.add("env." + n);
            }
        }
        return changed;
    }

    /** {@code [{"name": "web", "change": "changed", "keys": ["env.PORT"]}, …]}. */
    ArrayNode toJson() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Entry e : entries) {
            ObjectNode o = list.addObject().put("name", e.name()).put("change", e.change().wire());
            e.keys().forEach(o.putArray("keys")::add);
        }
        return list;
    }
}
