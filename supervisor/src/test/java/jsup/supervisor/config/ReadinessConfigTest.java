package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The readiness keys and depends_on in an ecosystem file: defaults, values, refusals with their key path. */
class ReadinessConfigTest extends LoaderTestSupport {

    private String app(String name, String extra) {
        return "{\"name\": \"" + name + "\", \"script\": \"sleep\", \"args\": [\"100\"]"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private String file(String... apps) {
        return "{\"apps\": [" + String.join(",", apps) + "]}";
    }

    @Test
    void withoutTheKeysAnAppIsReadyAtOnceAndDependsOnNothing() throws ConfigException {
        AppSpec spec = load("e.json", file(app("a", ""))).apps().get(0);
        assertThat(spec.readiness()).isEqualTo(ReadinessSpec.NONE);
        assertThat(spec.dependsOn()).isEmpty();
        assertThat(spec.dependsTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.env()).doesNotContainKey("WATCHDOG_USEC");
    }

    @Test
    void readinessKeysAreReadAndTheWatchdogIsInTheEnvironment() throws ConfigException {
        AppSpec spec = load("e.json", file(app("a", "\"wait_ready\": true, \"listen_timeout\": 8000,"
                + " \"watchdog\": \"30s\", \"health\": {\"tcp\": \"127.0.0.1:9\", \"ready\": true}"))).apps().get(0);
        assertThat(spec.readiness()).isEqualTo(new ReadinessSpec(true, true, Duration.ofSeconds(8),
                Duration.ofSeconds(30)));
        assertThat(spec.env()).containsEntry("WATCHDOG_USEC", "30000000");
    }

    @Test
    void dependsOnTakesProcessComposesFormsAndAList() throws ConfigException {
        Ecosystem eco = load("e.json", file(
                app("web", "\"depends_on\": {\"db\": \"healthy\", \"migrate\": {\"condition\": "
                        + "\"process_completed_successfully\"}}, \"depends_timeout\": \"2m\""),
                app("worker", "\"depends_on\": [\"db\"]"), app("db", ""), app("migrate", "")));
        AppSpec web = eco.apps().get(0);
        assertThat(web.dependsOn().keySet()).containsExactly("db", "migrate");
        assertThat(web.dependsOn()).containsEntry("db", DependencyCondition.HEALTHY)
                .containsEntry("migrate", DependencyCondition.COMPLETED_SUCCESSFULLY);
        assertThat(web.dependsTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(eco.apps().get(1).dependsOn()).containsEntry("db", DependencyCondition.STARTED);
    }

    @Test
    void anUnknownNameACycleAndABadConditionAreRefusedWithTheirPath() {
        assertThat(problems(file(app("web", "\"depends_on\": {\"dbb\": \"healthy\"}"), app("db", ""))))
                .extracting(ConfigProblem::toString)
                .containsExactly("apps[0].depends_on.dbb: \"dbb\" is not an app of this file; known: web, db");
        assertThat(problems(file(app("a", "\"depends_on\": [\"b\"]"), app("b", "\"depends_on\": {\"a\": \"started\"}"))))
                .extracting(ConfigProblem::toString)
                .containsExactly("apps[0].depends_on: apps depend on each other in a cycle: a -> b -> a; "
                        + "remove one of these dependencies");
        assertThat(problems(file(app("a", "\"depends_on\": {\"b\": \"up\"}"), app("b", ""))))
                .extracting(ConfigProblem::toString)
                .containsExactly("apps[0].depends_on.b: \"up\" is not a condition; use \"started\", \"healthy\" or "
                        + "\"completed_successfully\"");
        assertThat(problems(file(app("a", "\"health\": {\"inotify_warn\": 0.9, \"ready\": true}"))))
                .extracting(ConfigProblem::toString)
                .containsExactly("apps[0].health.ready: needs a probe to pass; add \"tcp\", \"http\" or \"exec\" to health");
        assertThat(problems(file(app("a", "\"depends_on\": [\"a\"]"))))
                .extracting(ConfigProblem::toString)
                .containsExactly("apps[0].depends_on[0]: an app cannot depend on itself; remove \"a\"");
    }

    @Test
    void theKeysSurviveTheDumpRoundTrip() throws ConfigException {
        Ecosystem eco = load("e.json", file(app("web", "\"wait_ready\": true, \"listen_timeout\": \"9s\","
                + " \"watchdog\": \"5s\", \"depends_on\": {\"db\": \"healthy\"}, \"depends_timeout\": \"7s\""),
                app("db", "\"health\": {\"tcp\": \"127.0.0.1:9\", \"ready\": true}")));
        for (AppSpec spec : eco.apps()) {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            root.putArray("apps").add(AppSpecJson.toJson(spec));
            AppSpec again = fx.loader().load(root, tmp, null).apps().get(0);
            assertThat(again).isEqualTo(spec);
        }
    }
}
