package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsup start ecosystem.config.js}: the file is evaluated by node, never run as an app. */
class JsEcosystemStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsupLauncher jsup;

    @AfterEach
    void tearDown() throws Exception {
        if (jsup != null) {
            jsup.killDaemon();
        }
        JsupLauncher.killAll(tmp.toString());
    }

    @Test
    void startingAJsEcosystemFileStartsItsApps() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) || onPath("node"), "node is needed");
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        Path web = Files.writeString(apps.resolve("web.sh"), "#!/bin/sh\necho \"mode $MODE\"\nexec sleep 1000\n");
        Files.setPosixFilePermissions(web, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(apps.resolve("ecosystem.config.js"), """
                module.exports = {
                  apps: [{name: 'web', script: './web.sh', env: {MODE: 'dev'}, env_production: {MODE: 'prod'}}]
                };
                """);
        jsup = new JsupLauncher(tmp.resolve("home"), Files.createDirectories(tmp.resolve("work")));

        JsupLauncher.Result r = jsup.run("start", apps.resolve("ecosystem.config.js").toString(), "--env", "production");

        assertThat(r.exitCode()).as("%s", r).isZero();
        JsonNode list = JSON.readTree(jsup.run("list", "--json").out());
        assertThat(list).extracting(a -> a.path("name").asText()).containsExactly("web");
        Path log = jsup.home().resolve("logs/web-out.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && Files.readString(log).contains("mode prod"));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
