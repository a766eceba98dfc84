package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.EcosystemLoader;
import org.junit.jupiter.api.Test;

class DeployPlanTest {

    private static final Path DIR = Path.of("/tmp/deploy-plan");
    private final EcosystemLoader loader = new EcosystemLoader(DIR, Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp"));

    private AppSpec app(String name, String... keyValues) throws ConfigException {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("name", name).put("script", "/bin/sleep");
        json.putArray("args").add("1000");
        ObjectNode env = json.putObject("env");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i].startsWith("env.")) {
                env.put(keyValues[i].substring(4), keyValues[i + 1]);
            } else {
                json.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return loader.load(json, DIR, null).apps().get(0);
    }

    private static AppStatus registered(AppSpec spec) {
        return new AppStatus(0, spec, ProcessStatus.ONLINE, true, 1, null, 0, 0, null, null, 0, 0, List.of(),
                List.of());
    }

    @Test
    void eachAppIsAddedChangedWithItsKeysUnchangedOrNotInTheFile() throws ConfigException {
        List<AppStatus> now = List.of(registered(app("web", "env.PORT", "80", "env.MODE", "x")),
                registered(app("worker")), registered(app("old")));
        List<AppSpec> file = List.of(app("web", "env.PORT", "81", "env.MODE", "x", "max_memory_restart", "200M"),
                app("worker"), app("cron"));

        DeployPlan plan = DeployPlan.of(file, now, true);

        assertThat(plan.entries()).extracting(DeployPlan.Entry::name, DeployPlan.Entry::change, DeployPlan.Entry::keys)
                .containsExactly(
                        tuple("web", DeployPlan.Change.CHANGED,
                                List.of("env.PORT", "max_memory_restart")),
                        tuple("worker", DeployPlan.Change.UNCHANGED, List.of()),
                        tuple("cron", DeployPlan.Change.ADDED, List.of()),
                        tuple("old", DeployPlan.Change.NOT_IN_FILE, List.of()));
        assertThat(plan.toJson().get(0).toString())
                .isEqualTo("{\"name\":\"web\",\"change\":\"changed\",\"keys\":[\"env.PORT\",\"max_memory_restart\"]}");
    }

    @Test
    void withOnlyTheAppsOutsideTheSelectionAreNotListed() throws ConfigException {
        DeployPlan plan = DeployPlan.of(List.of(app("web")), List.of(registered(app("web")), registered(app("x"))),
                false);
        assertThat(plan.entries()).extracting(DeployPlan.Entry::name).containsExactly("web");
    }
}
