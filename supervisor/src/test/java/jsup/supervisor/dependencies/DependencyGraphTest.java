package jsup.supervisor.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static DependencyGraph graph(String... pairs) {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (String p : pairs) {
            String[] parts = p.split(":", -1);
            needs.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
        }
        return new DependencyGraph(needs);
    }

    @Test
    void startOrderPutsWhatAnAppNeedsFirstAndKeepsTheRestInOrder() {
        DependencyGraph g = graph("web:api,cache", "api:db", "cache:", "db:", "other:");
        assertThat(g.startOrder(List.of("web", "api", "cache", "db", "other")))
                .containsExactly("db", "api", "cache", "web", "other");
    }

    @Test
    void stopWavesStopDependentsFirst() {
        DependencyGraph g = graph("web:api", "api:db", "db:", "other:");
        assertThat(g.stopWaves(List.of("db", "api", "web", "other")))
                .containsExactly(List.of("web", "other"), List.of("api"), List.of("db"));
    }

    @Test
    void withDependenciesBringsAlongWhatIsNeededIndirectly() {
        DependencyGraph g = graph("web:api", "api:db", "db:", "other:");
        assertThat(g.withDependencies(List.of("web"))).containsExactly("web", "api", "db");
        assertThat(g.withDependencies(List.of("other", "db"))).containsExactly("other", "db");
    }

    @Test
    void aCycleIsNamedAlongItsPath() {
        DependencyGraph g = graph("a:b", "b:c", "c:a", "d:");
        assertThat(g.cycle()).contains(List.of("a", "b", "c", "a"));
        assertThat(graph("a:b", "b:").cycle()).isEmpty();
    }

    @Test
    void unknownNamesAreListed() {
        assertThat(graph("web:db,cache", "db:").unknown("web")).containsExactly("cache");
    }
}
