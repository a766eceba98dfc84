package jsup.supervisor.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.supervisor.dependencies.DependencyGraph;

/** Refuses a file whose {@code depends_on} names an app it does not define, or goes round in a cycle. */
final class DependencyCheck {

    private DependencyCheck() {
    }

    /** @param paths each app's name and its path in the file ({@code apps[1]}) */
    static void check(List<AppSpec> specs, Map<String, String> paths, Problems problems) {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (AppSpec spec : specs) {
            needs.put(spec.name(), List.copyOf(spec.dependsOn().keySet()));
        }
        paths.keySet().forEach(name -> needs.putIfAbsent(name, List.of())); // apps with other problems
        DependencyGraph graph = new DependencyGraph(needs);
        for (AppSpec spec : specs) {
            for (String unknown : graph.unknown(spec.name())) {
                problems.error(Problems.join(Problems.join(paths.get(spec.name()), "depends_on"), unknown),
                        Values.quote(unknown) + " is not an app of this file; known: "
                                + String.join(", ", needs.keySet()));
            }
        }
        graph.cycle().ifPresent(cycle -> problems.error(Problems.join(paths.get(cycle.get(0)), "depends_on"),
                "apps depend on each other in a cycle: " + String.join(" -> ", cycle)
                        + "; remove one of these dependencies"));
    }
}
