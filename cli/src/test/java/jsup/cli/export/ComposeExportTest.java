package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeExportTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    private ExportFixture fx;

    @BeforeEach
    void fixture() throws Exception {
        fx = new ExportFixture(tmp);
    }

    private JsonNode services(Export export) throws Exception {
        assertThat(export.files()).singleElement().extracting(ExportedFile::name).isEqualTo("compose.yaml");
        return YAML.readTree(export.files().get(0).content()).path("services");
    }

    @Test
    void servicesCarryRestartStopMemoryHealthcheckAndDependencyConditions() throws Exception {
        Export export = new ComposeExport(fx.settings(false, a -> a.name().equals("web") ? 3 : 1), "img:1")
                .export(fx.eco.apps());
        JsonNode s = services(export);

        assertThat(s.fieldNames()).toIterable().containsExactly("db", "migrate", "web", "web-prestart", "my-app-v2");
        JsonNode web = s.path("web");
        assertThat(web.path("restart").asText()).isEqualTo("always");
        assertThat(web.path("mem_limit").asLong()).isEqualTo(314572800L);
        assertThat(web.path("stop_signal").asText()).isEqualTo("SIGINT");
        assertThat(web.path("stop_grace_period").asText()).isEqualTo("2500ms");
        assertThat(web.path("deploy").path("replicas").asInt()).isEqualTo(3);
        assertThat(web.path("environment").path("PLAIN").asText()).isEqualTo("a b $$x %y \"q\"");
        assertThat(web.path("environment").path("API_TOKEN").asText()).isEqualTo("${API_TOKEN}");
        assertThat(web.path("environment").path("DATABASE_URL").asText()).isEqualTo("${DATABASE_URL}");
        assertThat(web.path("command").get(2).asText()).isEqualTo(ExportFixture.ODD_ARG.replace("$", "$$"));
        assertThat(web.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(web.path("depends_on").path("migrate").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(web.path("depends_on").path("web-prestart").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(s.path("migrate").path("restart").asText()).isEqualTo("no");
        JsonNode hc = s.path("db").path("healthcheck");
        assertThat(hc.path("test").get(0).asText()).isEqualTo("CMD");
        assertThat(hc.path("test").get(2).asText()).isEqualTo("probe");
        assertThat(hc.path("retries").asInt()).isEqualTo(3);
        assertThat(hc.path("interval").asText()).isEqualTo("30s");
        assertThat(s.path("my-app-v2").path("healthcheck").path("test").toString()).isEqualTo("[\"CMD\",\"/bin/true\"]");
        assertThat(export.report().of("web", "stop_exit_codes")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.NOT_MAPPED);
    }

    @Test
    void dockerComposeConfigAcceptsTheFileAndTheExamplesAndReadsEveryDollarLiterally() throws Exception {
        assumeThat(ExternalTool.onPath("docker-compose")).as("docker-compose (Debian: docker-compose)").isTrue();
        Export export = new ComposeExport(fx.settings(false, AppInstances::count), "img:1").export(fx.eco.apps());
        Path out = tmp.resolve("compose");
        ExportFixture.write(export, out);
        // The example's export too, in the same run (docker-compose costs a second of CPU to start): each file is
        // validated on its own before the two are merged.
        var moltbot = new jsup.supervisor.config.EcosystemLoader(fx.home, System.getenv()).load(ExportCommandTest.MOLTBOT, null);
        Export example = new ComposeExport(fx.settings(false, AppInstances::count), null).export(moltbot.apps());
        Files.writeString(out.resolve("moltbot.yaml"), example.files().get(0).content());

        ExternalTool.Run config = ExternalTool.run(out, List.of("docker-compose", "-f", "compose.yaml", "-f",
                "moltbot.yaml", "config"), Map.of("API_TOKEN", "from-the-shell", "DATABASE_URL", "postgres://app:pw@db/app"));

        assertThat(config.exitCode()).as(config.output()).isZero();
        // ${API_TOKEN} was interpolated; every $$ stayed a literal $ (config prints it escaped again): no
        // variable named x, USER or HOME was looked up.
        assertThat(config.output()).doesNotContain("variable is not set");
        JsonNode resolved = YAML.readTree(config.output());
        JsonNode web = resolved.path("services").path("web");
        assertThat(web.path("environment").path("API_TOKEN").asText()).isEqualTo("from-the-shell");
        assertThat(web.path("environment").path("DATABASE_URL").asText()).isEqualTo("postgres://app:pw@db/app");
        assertThat(web.path("environment").path("PLAIN").asText()).isEqualTo("a b $$x %y \"q\"");
        assertThat(web.path("command").get(2).asText()).isEqualTo(ExportFixture.ODD_ARG.replace("$", "$$"));
        assertThat(resolved.path("services").path("db").path("environment").has("WATCHDOG_USEC")).isFalse();
        assertThat(resolved.path("services").path("moltbot-gateway").path("mem_limit").asLong()).isEqualTo(419430400L);
    }

    @Test
    void aHealthyDependencyWithoutProbesWaitsForItsStartAndSaysSo() throws Exception {
        Path file = fx.dir.resolve("no-probe.json");
        Files.writeString(file, "{\"apps\":[{\"name\":\"a\",\"script\":\"/bin/true\"},"
                + "{\"name\":\"b\",\"script\":\"/bin/true\",\"depends_on\":{\"a\":\"healthy\"}}]}");
        var eco = new jsup.supervisor.config.EcosystemLoader(fx.home, System.getenv()).load(file, null);
        Export export = new ComposeExport(fx.settings(false, AppInstances::count), null).export(eco.apps());

        assertThat(services(export).path("b").path("depends_on").path("a").path("condition").asText())
                .isEqualTo("service_started");
        assertThat(export.report().of("b", "depends_on.a")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.APPROXIMATED);
    }
}
