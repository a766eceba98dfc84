package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import jsup.cli.JsupLauncher;
import jsup.cli.doctor.TempDaemon;
import jsup.cli.render.SecretMask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup env}: the real environment of a running app (from /proc), what the next start would
 * pass for a stopped one, and secrets masked there, in {@code describe} and in {@code list --json}.
 * The tests share one jsupd; the one that stops an app stops its own ({@code gw-stopped}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Set in the environment of the command that starts jsupd, so jsupd's own environment carries it. */
    private static final Map<String, String> BASE = Map.of("JSUP_TEST_BASE", "from-jsupd");

    private Path tmp;
    private TempDaemon daemon;
    private Path script;

    @BeforeAll
    void startGateway(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        daemon = new TempDaemon(tmp.resolve("home"));
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        script = TempDaemon.script(apps.resolve("gw.sh"), "#!/bin/bash\nwhile true; do sleep 0.2; done\n");
        Path other = TempDaemon.script(apps.resolve("gw-stopped.sh"), "#!/bin/bash\nwhile true; do sleep 0.2; done\n");
        String env = """
                "env": {"TELEGRAM_BOT_TOKEN": "123:tg-secret", "OPENROUTER_API_KEY": "sk-or-secret",
                        "db_password": "pw-secret", "PLAIN": "visible"}""";
        Path eco = Files.writeString(apps.resolve("eco.json"), """
                {"apps": [{"name": "gw", "script": "gw.sh", "kill_timeout": 500, "min_uptime": 200, %s},
                          {"name": "gw-stopped", "script": "gw-stopped.sh", "kill_timeout": 500, "min_uptime": 200, %s}]}
                """.formatted(env, env));
        CliRun.Result start = daemon.jsup(BASE, "start", eco.toString());
        assertThat(start.exitCode()).as(start.err()).isZero();
        await().atMost(WAIT).until(() -> JsupLauncher.processesOf(script.toString()).size() == 1
                && JsupLauncher.processesOf(other.toString()).size() == 1);
    }

    @AfterAll
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        JsupLauncher.killAll(tmp.toString());
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = daemon.jsup(args);
        assertThat(r.exitCode()).as("jsup %s\n%s%s", String.join(" ", args), r.out(), r.err()).isZero();
        return r;
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain("123:tg-secret", "sk-or-secret", "pw-secret");
    }

    @Test
    void ofARunningAppPrintsItsProcessEnvironmentWithSecretsMasked() throws Exception {
        long pid = JsupLauncher.processesOf(script.toString()).get(0);

        String out = ok("env", "gw").out();
        assertThat(out).startsWith("# gw: the environment of its running process (pid " + pid + ", /proc/" + pid)
                .contains("\nPLAIN=visible\n", "\nJSUP_APP=gw\n", "\nJSUP_HOME=" + daemon.home() + "\n",
                        "\nJSUP_TEST_BASE=from-jsupd\n", "\nTELEGRAM_BOT_TOKEN=" + SecretMask.MASK + "\n",
                        "\nOPENROUTER_API_KEY=" + SecretMask.MASK + "\n", "\ndb_password=" + SecretMask.MASK + "\n");
        assertNoSecret(out);

        assertThat(ok("env", "gw", "--show-secrets").out()).contains("\nTELEGRAM_BOT_TOKEN=123:tg-secret\n");

        JsonNode json = JSON.readTree(ok("env", "gw", "--json").out()).get(0);
        assertThat(json.path("source").asText()).isEqualTo("process");
        assertThat(json.path("pid").asLong()).isEqualTo(pid);
        assertThat(json.path("env").path("PLAIN").asText()).isEqualTo("visible");
        assertThat(json.path("env").path("OPENROUTER_API_KEY").asText()).isEqualTo(SecretMask.MASK);
    }

    @Test
    void ofAStoppedAppPrintsWhatItsNextStartWouldPass() throws Exception {
        ok("stop", "gw-stopped");

        String out = ok("env", "gw-stopped").out();
        assertThat(out).startsWith("# gw-stopped: not running; the environment its next start would use\n")
                .contains("\nPLAIN=visible\n", "\nJSUP_APP=gw-stopped\n", "\nJSUP_HOME=" + daemon.home() + "\n",
                        "\nJSUP_TEST_BASE=from-jsupd\n", "\nTELEGRAM_BOT_TOKEN=" + SecretMask.MASK + "\n");
        assertNoSecret(out);
        JsonNode json = JSON.readTree(ok("env", "gw-stopped", "--json").out()).get(0);
        assertThat(json.path("source").asText()).isEqualTo("next start");
        assertThat(json.path("pid").asLong()).isZero();
    }

    @Test
    void describeAndListJsonMaskSecretsUnlessAskedToShowThem() throws Exception {
        String text = ok("describe", "gw").out();
        assertNoSecret(text);
        assertThat(text).contains("PLAIN", "visible", SecretMask.MASK);
        String json = ok("describe", "gw", "--json").out();
        assertNoSecret(json);
        assertThat(JSON.readTree(json).get(0).path("config").path("env").path("TELEGRAM_BOT_TOKEN").asText())
                .isEqualTo(SecretMask.MASK);
        assertThat(ok("describe", "gw", "--show-secrets").out()).contains("123:tg-secret", "sk-or-secret");
        assertNoSecret(ok("list", "--json").out());
    }

    @Test
    void anUnknownAppIsExit3() {
        CliRun.Result r = daemon.jsup("env", "nope");
        assertThat(r.exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
        assertThat(r.err()).contains("nope");
    }

    @Test
    void runRefusesAnAppWhoseLogFilesTheDaemonWrites() throws Exception {
        long daemonPid = Long.parseLong(Files.readString(daemon.home().resolve("jsupd.pid")).trim());
        Path eco = tmp.resolve("apps/eco.json");

        CliRun.Result r = daemon.jsup("run", eco.toString(), "--only", "gw");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("'gw'", daemon.home().resolve("logs/gw-out.log").toString(),
                "jsupd (pid " + daemonPid + ")", "jsup stop gw", "JSUP_HOME=").doesNotContain("Exception");
        assertThat(JsupLauncher.processesOf(script.toString())).as("no second copy ran").hasSize(1);
    }
}
