package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsup export …} through the CLI: the example exports cleanly to all three targets; errors and options. */
class ExportCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("jsup.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path MOLTBOT = ROOT.resolve("examples/moltbot/ecosystem.json");

    @TempDir
    Path tmp;

    private CliRun.Result jsup(String... args) {
        return CliRun.run(Map.of("JSUP_HOME", tmp.resolve("home").toString()), args);
    }

    @Test
    void theMoltbotExampleExportsCleanlyToSystemdKubernetesAndCompose() throws Exception {
        Path units = tmp.resolve("units");
        CliRun.Result systemd = jsup("export", "systemd", MOLTBOT.toString(), "--out", units.toString());
        assertThat(systemd.exitCode()).as(systemd.err()).isEqualTo(ExitCode.OK);
        assertThat(systemd.out()).contains("wrote " + units.resolve("moltbot-gateway.service"));
        assertThat(systemd.err()).startsWith("jsup export systemd: ").contains("max_memory_restart");
        if (ExternalTool.onPath("systemd-analyze")) {
            ExternalTool.Run verify = ExternalTool.verifyUnits(units);
            assertThat(verify.output()).as("systemd-analyze verify").isEmpty();
            assertThat(verify.exitCode()).isZero();
        }

        CliRun.Result k8s = jsup("export", "kubernetes", MOLTBOT.toString(), "--image", "ghcr.io/example/jsup:1");
        assertThat(k8s.exitCode()).as(k8s.err()).isEqualTo(ExitCode.OK);
        assertThat(StrictKubernetes.parse(k8s.out())).extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .containsExactly("Deployment/moltbot-gateway", "Service/moltbot-gateway");
        assertThat(k8s.err()).startsWith("jsup export kubernetes: ");

        Path compose = tmp.resolve("compose");
        CliRun.Result c = jsup("export", "compose", MOLTBOT.toString(), "--out", compose.toString());
        assertThat(c.exitCode()).as(c.err()).isEqualTo(ExitCode.OK);
        assertThat(c.err()).startsWith("jsup export compose: ");
        // docker-compose config checks the example's compose.yaml in ComposeExportTest (one run for both files).
        assertThat(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(compose.resolve("compose.yaml").toFile()).path("services").fieldNames())
                .toIterable().containsExactly("moltbot-gateway", "moltbot-gateway-prestart");
    }

    @Test
    void anAppOfSeveralInstancesExportsOnceWithItsCount() throws Exception {
        Path file = tmp.resolve("eco.json");
        Files.writeString(file, """
                {"apps": [{"name": "api", "script": "/bin/sleep", "args": ["100"], "instances": 3,
                           "increment_var": "PORT", "env": {"PORT": "3000"}},
                          {"name": "web", "script": "/bin/sleep", "args": ["100"], "depends_on": {"api": "started"}}]}
                """);
        CliRun.Result systemd = jsup("export", "systemd", file.toString());
        assertThat(systemd.exitCode()).as(systemd.err()).isEqualTo(ExitCode.OK);
        assertThat(systemd.out()).contains("# ==> api@.service <==", "\nEnvironment=JSUP_INSTANCE=%i\n",
                "\nRequires=api@0.service api@1.service api@2.service\n").doesNotContain("api:1", "api-out-0");
        assertThat(systemd.err()).contains("increment_var");

        CliRun.Result k8s = jsup("export", "kubernetes", file.toString());
        assertThat(k8s.exitCode()).as(k8s.err()).isEqualTo(ExitCode.OK);
        assertThat(StrictKubernetes.parse(k8s.out())).filteredOn(r -> r.getKind().equals("Deployment"))
                .extracting(r -> r.getMetadata().getName()).containsExactly("api", "web");
        assertThat(k8s.out()).contains("replicas: 3");
    }

    @Test
    void everyNewCommandHasHelp() {
        for (List<String> cmd : List.of(List.of("export"), List.of("export", "systemd"), List.of("export", "kubernetes"),
                List.of("export", "compose"), List.of("prestart"), List.of("probe"))) {
            String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            CliRun.Result r = jsup(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + r.err()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: jsup " + String.join(" ", cmd));
        }
    }

    @Test
    void mistakesNameTheBadValueWithTheirExitCode() throws Exception {
        Path missing = tmp.resolve("nope.json");
        CliRun.Result noFile = jsup("export", "compose", missing.toString());
        assertThat(noFile.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noFile.err()).contains(missing.toString()).doesNotContain("Exception");

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"apps\":[{\"name\":\"a\",\"script\":\"/bin/true\",\"max_memory_restart\":\"5X\"}]}");
        CliRun.Result invalid = jsup("export", "systemd", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(invalid.err()).contains("\"5X\"");

        CliRun.Result only = jsup("export", "kubernetes", MOLTBOT.toString(), "--only", "ghost");
        assertThat(only.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(only.err()).contains("ghost", "moltbot-gateway");

        CliRun.Result json = jsup("export", "compose", MOLTBOT.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(json.err()).contains("--out");

        CliRun.Result ns = jsup("export", "kubernetes", MOLTBOT.toString(), "--namespace", "Bad_NS");
        assertThat(ns.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(ns.err()).contains("Bad_NS", "bad-ns");
    }

    @Test
    void outWritesSecretFilesOwnerOnlyAndJsonPrintsTheReport() throws Exception {
        Path file = tmp.resolve("eco.json");
        Files.writeString(file, "{\"apps\":[{\"name\":\"a\",\"script\":\"/bin/sleep\",\"args\":[\"9\"],"
                + "\"env\":{\"DB_PASSWORD\":\"hunter2\",\"MODE\":\"x\"}}]}");
        Path out = tmp.resolve("out");

        CliRun.Result r = jsup("export", "systemd", file.toString(), "--out", out.toString(), "--json",
                "--include-secrets");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("target").asText()).isEqualTo("systemd");
        assertThat(report.path("entries").findValuesAsText("key")).contains("env (secrets)", "kill_signal");
        assertThat(Files.getPosixFilePermissions(out.resolve("a.env")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(out.resolve("a.env"))).contains("DB_PASSWORD=hunter2");
        assertThat(Files.readString(out.resolve("a.service"))).contains("Environment=MODE=x")
                .doesNotContain("hunter2");
    }
}
