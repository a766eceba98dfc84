package jsup.supervisor.dependencies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which app needs which ({@code depends_on}), as a graph: start order (what an app needs first), stop
 * order (what needs an app first), the apps a start brings along, and cycles, named. Pure; the order
 * of the apps given is kept where the graph leaves a choice.
 */
public final class DependencyGraph {

    /** App → the apps it needs, in the order given. */
    private final Map<String, List<String>> needs = new LinkedHashMap<>();

    /** @param needs each app and the apps it depends on; names that are no key are unknown */
    public DependencyGraph(Map<String, ? extends Collection<String>> needs) {
        needs.forEach((app, deps) -> this.needs.put(app, List.copyOf(deps)));
    }

    /** The apps that {@code app} names but that are not in the graph. */
    public List<String> unknown(String app) {
        return needs.getOrDefault(app, List.of()).stream().filter(d -> !needs.containsKey(d)).toList();
    }

    /** A cycle as the names along it, first repeated at the end ({@code [web, api, web]}); empty when none. */
    public Optional<List<String>> cycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String app : needs.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(app, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String app, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(app);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(app), path.size()));
            cycle.add(app);
            return Optional.of(cycle);
        }
        state.put(app, 1);
        path.add(app);
        for (String dep : needs.getOrDefault(app, List.of())) {
            if (needs.containsKey(dep)) {
                Optional<List<String>> found = visit(dep, state, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(app, 2);
        return Optional.empty();
    }

    /** {@code apps} in their order, then everything they need, directly or not, nearest first. */
    public Set<String> withDependencies(Collection<String> apps) {
        Set<String> all = new LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(apps);
        while (!todo.isEmpty()) {
            String app = todo.removeFirst();
            if (all.add(app)) {
                todo.addAll(needs.getOrDefault(app, List.of()));
            }
        }
        return all;
    }

    /**
     * {@code apps} in start order: every app after the apps it needs. Assumes no cycle ({@link #cycle()}
     * is checked when the file is loaded); an app on a cycle comes where the walk first meets it.
     */
    public List<String> startOrder(Collection<String> apps) {
        Set<String> order = new LinkedHashSet<>();
        Set<String> wanted = new LinkedHashSet<>(apps);
        for (String app : apps) {
            addAfterNeeds(app, wanted, order, new LinkedHashSet<>());
        }
        return new ArrayList<>(order);
    }

    private void addAfterNeeds(String app, Set<String> wanted, Set<String> order, Set<String> onPath) {
        if (order.contains(app) || !onPath.add(app)) {
            return;
        }
        for (String dep : needs.getOrDefault(app, List.of())) {
            if (wanted.contains(dep)) {
                addAfterNeeds(dep, wanted, order, onPath);
            }
        }
        order.add(app);
    }

    /**
     * {@code apps} in waves to stop: each wave holds apps that no app of a later wave needs, so
     * dependents stop before what they depend on. Apps without dependencies all fall in one wave.
     */
    public List<List<String>> stopWaves(Collection<String> apps) {
        Set<String> left = new LinkedHashSet<>(apps);
        List<List<String>> waves = new ArrayList<>();
        while (!left.isEmpty()) {
            List<String> wave = new ArrayList<>();
            for (String app : left) {
                boolean needed = left.stream().anyMatch(o -> !o.equals(app)
                        && needs.getOrDefault(o, List.of()).contains(app));
                if (!needed) {
                    wave.add(app);
                }
            }
            if (wave.isEmpty()) {
                wave.addAll(left); // a cycle (never loaded): stop the rest together
            }
            wave.forEach(left::remove);
            waves.add(wave);
        }
        return waves;
    }
}
