package jsup.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.doctor.TempDaemon;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 2: an edited ecosystem file deploys with {@code jsup start|restart|reload FILE} (and
 * PM2's startOr… aliases), each app keeping its id and history; a bad edit changes nothing;
 * {@code --update-env} takes the caller's environment. A real jsupd in a temp home; each test
 * uses its own file and app names.
 */
class DeployFileEndToEndTest extends TempDaemonTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Override
    void writeScripts() throws IOException {
        // Prints its NODE_ENV once, then idles: which env a run got is in its out log.
        TempDaemon.script(dir.resolve("app.sh"), "#!/bin/sh\necho \"NODE_ENV=$NODE_ENV EXTRA=$EXTRA\"\nexec sleep 1000\n");
    }

    /**
     * PM2's documented ecosystem example (docs: "Ecosystem File"), in JSON, with a shell script for app.js
     * and a 200 ms min_uptime: each start and restart waits that long for the app to settle (1 s by default).
     */
    private Path pm2Example(String file, String name, String env) throws IOException {
        Path f = dir.resolve(file);
        Files.writeString(f, """
                {
                  "apps": [{
                    "name": "%s",
                    "script": "./app.sh",
                    "min_uptime": 200,
                    "env": {"NODE_ENV": "%s"},
                    "env_production": {"NODE_ENV": "production"},
                    "env_development": {"NODE_ENV": "development"}
                  }]
                }
                """.formatted(name, env));
        return f;
    }

    private String outLog(String name) throws IOException {
        Path log = daemon.home().resolve("logs").resolve(name + "-out.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void restartOfAnEditedFileAppliesTheNewEnvAndTheAppKeepsItsId() throws IOException {
        Path file = pm2Example("eco-restart.json", "app1", "staging");
        ok("start", file.toString());
        JsonNode before = describe("app1");
        assertThat(before.path("config").path("env").path("NODE_ENV").asText()).isEqualTo("staging");

        pm2Example("eco-restart.json", "app1", "edited");
        CliRun.Result r = ok("restart", file.toString());

        assertThat(r.out()).contains("[jsup] app1: changed (env.NODE_ENV)").contains("restarted: app1");
        assertThat(r.out().indexOf("app1: changed")).isLessThan(r.out().indexOf("restarted: app1"));
        JsonNode after = describe("app1");
        assertThat(after.path("config").path("env").path("NODE_ENV").asText()).isEqualTo("edited");
        assertThat(after.path("id").asInt()).isEqualTo(before.path("id").asInt());
        assertThat(after.path("status").asText()).isEqualTo("online");
        assertThat(after.path("pid").asLong()).isNotEqualTo(before.path("pid").asLong());
        assertThat(after.path("restarts").asInt()).isEqualTo(1);
        assertThat(after.path("restart_history").get(0).path("reason").asText()).isEqualTo("redeploy: env.NODE_ENV");
        await().atMost(WAIT).until(() -> outLog("app1").contains("NODE_ENV=edited"));
    }

    @Test
    void startWithAnEnvProfileRestartsRunningAppsWithIt() throws IOException {
        Path file = pm2Example("eco-profile.json", "app2", "staging");
        ok("start", file.toString());
        int id = describe("app2").path("id").asInt();

        CliRun.Result r = ok("start", file.toString(), "--env", "production");

        assertThat(r.out()).contains("app2: changed (env.NODE_ENV)").contains("restarted with the new definition: app2")
                .doesNotContain("already running");
        JsonNode after = describe("app2");
        assertThat(after.path("config").path("env").path("NODE_ENV").asText()).isEqualTo("production");
        assertThat(after.path("id").asInt()).isEqualTo(id);
    }

    @Test
    void startLeavesUnchangedAppsAloneAndNamesAppsThatAreNotInTheFile() throws IOException {
        Path file = pm2Example("eco-same.json", "app3", "staging");
        ok("start", "sleep", "--name", "lonely", "--", "1000");
        ok("start", file.toString());
        long pid = describe("app3").path("pid").asLong();

        CliRun.Result r = ok("start", file.toString());

        assertThat(r.out()).contains("app3: unchanged").contains("already running (nothing changed): app3")
                .contains("lonely: in jsupd but not in eco-same.json; left as it is (`jsup delete lonely` removes it)");
        assertThat(describe("app3").path("pid").asLong()).isEqualTo(pid);
        CliRun.Result json = ok("start", file.toString(), "--only", "app3", "--json");
        JsonNode deploy = JSON.readTree(json.out()).path("deploy");
        assertThat(deploy).hasSize(1);
        assertThat(deploy.get(0).path("change").asText()).isEqualTo("unchanged");
    }

    @Test
    void aFileThatFailsValidationChangesNothingAndNamesTheFileAndKeyPath() throws IOException {
        Path file = pm2Example("eco-bad.json", "app4", "staging");
        ok("start", file.toString());
        JsonNode before = describe("app4");
        Files.writeString(file, Files.readString(file).replace("\"env\":", "\"max_memory_restart\": \"500X\", \"env\":")
                .replace("staging", "never-applied"));

        CliRun.Result r = daemon.jsup("restart", file.toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains(file.toString()).contains("apps[0].max_memory_restart");
        assertThat(r.out()).doesNotContain("app4: changed");
        JsonNode after = describe("app4");
        assertThat(after.path("pid").asLong()).isEqualTo(before.path("pid").asLong());
        assertThat(after.path("restarts").asInt()).isZero();
        assertThat(after.path("config").path("env").path("NODE_ENV").asText()).isEqualTo("staging");
    }

    @Test
    void startOrRestartStartsNewAppsAndRestartsTheOthers() throws IOException {
        Path file = pm2Example("eco-alias.json", "app5", "staging");
        CliRun.Result first = ok("startOrRestart", file.toString());
        assertThat(first.out()).contains("app5: added").contains("started: app5");
        int id = describe("app5").path("id").asInt();

        CliRun.Result second = ok("startOrReload", file.toString());
        assertThat(second.out()).contains("app5: unchanged").contains("reloaded (restarted): app5");
        assertThat(describe("app5").path("id").asInt()).isEqualTo(id);
        assertThat(ok("startOrGracefulReload", "--help").out()).contains("startOrGracefulReload", "jsup reload");
    }

    @Test
    void restartWithUpdateEnvTakesTheCallersEnvironmentUnderTheAppsOwnEnv() throws IOException {
        Path file = pm2Example("eco-update-env.json", "app6", "own");
        ok("start", file.toString());
        int id = describe("app6").path("id").asInt();

        CliRun.Result r = daemon.jsup(Map.of("EXTRA", "from-shell", "NODE_ENV", "shell-loses"),
                "restart", "app6", "--update-env");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode after = describe("app6");
        assertThat(after.path("config").path("env").path("EXTRA").asText()).isEqualTo("from-shell");
        assertThat(after.path("config").path("env").path("NODE_ENV").asText()).isEqualTo("own");
        assertThat(after.path("id").asInt()).isEqualTo(id);
        await().atMost(WAIT).until(() -> outLog("app6").contains("NODE_ENV=own EXTRA=from-shell"));

        daemon.jsup(Map.of("EXTRA", "second"), "restart", "app6", "--update-env");
        assertThat(describe("app6").path("config").path("env").path("EXTRA").asText()).isEqualTo("second");
    }

    @Test
    void configFileNamesArePm2sAndAreNeverRunAsApps() throws IOException {
        CliRun.Result missing = daemon.jsup("start", dir.resolve("nope.config.js").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path js = dir.resolve("ecosystem.config.cjs");
        Files.writeString(js, "module.exports = {apps: [{name: 'js1', script: './app.sh'}]};\n");
        CliRun.Result r = daemon.jsup("start", js.toString());
        assertThat(JSON.readTree(ok("list", "--json").out()).findValuesAsText("name")).doesNotContain("ecosystem");
        assertThat(r.err()).doesNotContain("started: ecosystem");
    }
}
