package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jsup.healthmon.ProbeSpec;
import org.junit.jupiter.api.Test;

/** instances, increment_var, instance_var and merge_logs: the instances an app becomes, and refusals. */
class InstanceExpansionTest extends LoaderTestSupport {

    private String file(String... apps) {
        return "{\"apps\": [" + String.join(",", apps) + "]}";
    }

    private String api(String extra) {
        return "{\"name\": \"api\", \"script\": \"sleep\", \"args\": [\"100\"], \"env\": {\"PORT\": \"3000\"}"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    @Test
    void threeInstancesAreThreeAppsWithTheirIdPortAndLogs() throws ConfigException {
        List<AppSpec> apps = load("e.json", file(api("\"instances\": 3, \"increment_var\": \"PORT\","
                + " \"health\": {\"tcp\": \"127.0.0.1:3000\", \"interval\": \"1s\"}"))).apps();
        assertThat(apps).extracting(AppSpec::name).containsExactly("api", "api:1", "api:2");
        AppSpec second = apps.get(2);
        assertThat(second.appName()).isEqualTo("api");
        assertThat(second.instances()).isEqualTo(new InstancesSpec(3, 2, "PORT", "NODE_APP_INSTANCE"));
        assertThat(second.env()).containsEntry("PORT", "3002").containsEntry("JSUP_INSTANCE", "2")
                .containsEntry("NODE_APP_INSTANCE", "2");
        assertThat(apps.get(0).env()).containsEntry("PORT", "3000").containsEntry("JSUP_INSTANCE", "0");
        assertThat(second.outFile().getFileName()).hasToString("api-out-2.log");
        assertThat(second.errorFile().getFileName()).hasToString("api-error-2.log");
        assertThat(apps.get(0).outFile().getFileName()).hasToString("api-out-0.log");
        assertThat(second.health().probes()).containsExactly(new ProbeSpec.Tcp("127.0.0.1", 3002));
    }

    @Test
    void mergeLogsKeepsOneSetOfFilesAndInstanceVarRenamesPm2sVariable() throws ConfigException {
        List<AppSpec> apps = load("e.json", file(api("\"instances\": 2, \"merge_logs\": true,"
                + " \"instance_var\": \"INSTANCE_ID\""))).apps();
        assertThat(apps).extracting(AppSpec::outFile).containsOnly(apps.get(0).outFile());
        assertThat(apps.get(0).outFile().getFileName()).hasToString("api-out.log");
        assertThat(apps.get(1).env()).containsEntry("INSTANCE_ID", "1").doesNotContainKey("NODE_APP_INSTANCE");
    }

    @Test
    void oneInstanceIsTheAppAsWritten() throws ConfigException {
        AppSpec app = load("e.json", file(api(""))).apps().get(0);
        assertThat(app.instances()).isEqualTo(InstancesSpec.SINGLE);
        assertThat(app.env()).doesNotContainKey("JSUP_INSTANCE");
        assertThat(app.outFile().getFileName()).hasToString("api-out.log");
        assertThat(load("f.json", file(api("\"instances\": 1"))).warnings()).isEmpty();
    }

    @Test
    void maxIsOnePerCoreAndANegativeCountLeavesCoresFree() {
        int cores = 4;
        assertThat(InstancesReader.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf("max"), cores)).isEqualTo(4);
        assertThat(InstancesReader.parse(com.fasterxml.jackson.databind.node.IntNode.valueOf(-1), cores)).isEqualTo(3);
        assertThat(InstancesReader.parse(com.fasterxml.jackson.databind.node.IntNode.valueOf(-9), cores)).isEqualTo(1);
        assertThat(InstancesReader.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf("2"), cores)).isEqualTo(2);
        assertThat(InstancesReader.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf("lots"), cores)).isNull();
    }

    @Test
    void badValuesAreRefusedWithTheirKeyPath() {
        assertThat(problems(file(api("\"instances\": \"lots\"")))).extracting(ConfigProblem::toString)
                .singleElement().asString().startsWith("apps[0].instances: \"lots\" is not a number or \"max\"");
        assertThat(problems(file(api("\"instances\": 2, \"increment_var\": \"HTTP_PORT\""))))
                .extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("apps[0].increment_var: \"HTTP_PORT\" needs a number to raise, but env.HTTP_PORT is not set");
        assertThat(problems(file("{\"name\": \"api:2\", \"script\": \"sleep\"}")))
                .extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("apps[0].name: \"api:2\" cannot be a name: NAME:N means instance N");
    }

    @Test
    void dependingOnAnAppOfSeveralInstancesWaitsForEachOfThem() throws ConfigException {
        List<AppSpec> apps = load("e.json", file(api("\"instances\": 3"),
                "{\"name\": \"web\", \"script\": \"sleep\", \"depends_on\": {\"api\": \"healthy\"}}")).apps();
        AppSpec web = apps.get(3);
        assertThat(web.dependsOn().keySet()).containsExactly("api", "api:1", "api:2");
        assertThat(web.dependsOn().values()).containsOnly(DependencyCondition.HEALTHY);
        // What save writes for the dependent (one instance) names the app, not its instances, so it loads again.
        AppSpec saved = InstanceExpansion.definition(web, 1);
        assertThat(saved.dependsOn().keySet()).containsExactly("api");
    }

    @Test
    void theDefinitionComesBackFromInstanceZeroWithTheLiveCount() throws ConfigException {
        Ecosystem eco = load("e.json", file(api("\"instances\": 3, \"increment_var\": \"PORT\"")));
        AppSpec definition = InstanceExpansion.definition(eco.apps().get(0), 5);
        assertThat(definition.name()).isEqualTo("api");
        assertThat(definition.env()).containsEntry("PORT", "3000").doesNotContainKeys("JSUP_INSTANCE",
                "NODE_APP_INSTANCE");
        assertThat(definition.outFile().getFileName()).hasToString("api-out.log");
        assertThat(definition.instances().count()).isEqualTo(5);
        // Saved and loaded again, it gives the same instances (with the new count).
        List<AppSpec> again = fx.loader().load(wrap(AppSpecJson.toJson(definition)), tmp, null).apps();
        assertThat(again).extracting(AppSpec::name).containsExactly("api", "api:1", "api:2", "api:3", "api:4");
        assertThat(again.get(1).env()).isEqualTo(eco.apps().get(1).env());
        assertThat(again.get(1).outFile()).isEqualTo(eco.apps().get(1).outFile());
    }

    @Test
    void aScaledUpInstanceOfAnAppOfOneGetsItsOwnFilesAndVariables() throws ConfigException {
        AppSpec single = load("e.json", file(api(""))).apps().get(0);
        AppSpec added = InstanceExpansion.instance(InstanceExpansion.definition(single, 2), 1);
        assertThat(added.name()).isEqualTo("api:1");
        assertThat(added.env()).containsEntry("JSUP_INSTANCE", "1");
        assertThat(added.outFile().getFileName()).hasToString("api-out-1.log");
    }

    @Test
    void anotherCountAloneIsNoChangeOfAnInstance() throws ConfigException {
        AppSpec ofThree = load("e.json", file(api("\"instances\": 3"))).apps().get(1);
        AppSpec ofFive = load("f.json", file(api("\"instances\": 5"))).apps().get(1);
        AppSpec otherKill = load("g.json", file(api("\"instances\": 3, \"kill_timeout\": 5000"))).apps().get(1);
        assertThat(InstanceExpansion.sameBesidesCount(ofThree, ofFive)).isTrue();
        assertThat(InstanceExpansion.sameBesidesCount(ofThree, otherKill)).isFalse();
    }

    @Test
    void namesAndIds() {
        assertThat(InstanceExpansion.nameOf("api", 0)).isEqualTo("api");
        assertThat(InstanceExpansion.nameOf("api", 4)).isEqualTo("api:4");
        assertThat(InstanceExpansion.appName("api:4")).isEqualTo("api");
        assertThat(InstanceExpansion.idOf("api:4")).isEqualTo(4);
        assertThat(InstanceExpansion.appName("a:b")).isEqualTo("a:b");
        assertThat(InstanceExpansion.idOf("api")).isZero();
        assertThat(InstanceExpansion.suffixed(Path.of("/l/app"), 3)).isEqualTo(Path.of("/l/app-3"));
    }

    private static com.fasterxml.jackson.databind.JsonNode wrap(com.fasterxml.jackson.databind.node.ObjectNode app) {
        com.fasterxml.jackson.databind.node.ObjectNode root = app.objectNode();
        root.putArray("apps").add(app);
        return root;
    }
}
