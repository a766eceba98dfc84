package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Never two copies", through the real launcher: jsupd is SIGKILLed with its apps running, and the
 * next {@code jsup} command brings up a jsupd that owns the same apps with exactly one process each
 * (counted in /proc), the old processes gone.
 */
class DaemonRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

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

    private Path script(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        // bash keeps the script's path in its argv, so /proc tells exactly which app a process is.
        Files.writeString(f, "#!/bin/bash\nwhile true; do sleep 0.2; done\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    private JsupLauncher.Result ok(String... args) throws Exception {
        JsupLauncher.Result r = jsup.run(args);
        assertThat(r.exitCode()).as("jsup %s\n%s", String.join(" ", args), r).isZero();
        return r;
    }

    private static long onlyProcessOf(Path script) {
        List<Long> pids = JsupLauncher.processesOf(script.toString());
        assertThat(pids).as("processes running %s", script).hasSize(1);
        return pids.get(0);
    }

    @Test
    void afterKill9TheNextCommandBringsUpADaemonOwningTheSameAppsOnceEach() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        Path alpha = script(apps, "alpha.sh");
        Path beta = script(apps, "beta.sh");
        // min_uptime 200 ms: the start waits that long for the apps to settle (1 s by default).
        Files.writeString(apps.resolve("ecosystem.json"), """
                {"apps": [
                  {"name": "alpha", "script": "alpha.sh", "kill_timeout": 1000, "min_uptime": 200},
                  {"name": "beta", "script": "beta.sh", "kill_timeout": 1000, "min_uptime": 200}
                ]}
                """);
        jsup = new JsupLauncher(tmp.resolve("home"), Files.createDirectories(tmp.resolve("work")));
        ok("start", apps.resolve("ecosystem.json").toString());
        await().atMost(WAIT).until(() -> JsupLauncher.processesOf(alpha.toString()).size() == 1
                && JsupLauncher.processesOf(beta.toString()).size() == 1);
        long oldAlpha = onlyProcessOf(alpha);
        long oldBeta = onlyProcessOf(beta);
        // jsupd records the pids in state.json right after the spawn; a SIGKILL before that is another test.
        Path state = jsup.home().resolve("state.json");
        await().atMost(WAIT).until(() -> Files.exists(state) && Files.readString(state).replace(" ", "").contains("\"pid\":" + oldAlpha + ",")
                && Files.readString(state).replace(" ", "").contains("\"pid\":" + oldBeta + ","));

        long oldDaemon = jsup.daemonPid();
        ProcessHandle.of(oldDaemon).orElseThrow().destroyForcibly();
        await().atMost(WAIT).until(() -> !JsupLauncher.alive(oldDaemon));
        assertThat(JsupLauncher.alive(oldAlpha)).as("apps outlive a SIGKILLed jsupd").isTrue();
        assertThat(JsupLauncher.alive(oldBeta)).isTrue();

        // The next command, whatever it is, brings jsupd back; it stops the leftovers before starting anything.
        JsonNode listed = JSON.readTree(ok("list", "--json").out());
        long newDaemon = jsup.daemonPid();
        assertThat(newDaemon).isNotEqualTo(oldDaemon);
        assertThat(JsupLauncher.alive(newDaemon)).isTrue();
        assertThat(listed).extracting(a -> a.path("name").asText()).containsExactly("alpha", "beta");
        assertThat(JsupLauncher.alive(oldAlpha)).as("old alpha pid %d", oldAlpha).isFalse();
        assertThat(JsupLauncher.alive(oldBeta)).as("old beta pid %d", oldBeta).isFalse();

        await().atMost(WAIT).until(() -> JsupLauncher.processesOf(alpha.toString()).size() == 1
                && JsupLauncher.processesOf(beta.toString()).size() == 1);
        JsonNode apps2 = JSON.readTree(ok("list", "--json").out());
        for (JsonNode app : apps2) {
            assertThat(app.path("status").asText()).as(app.toString()).isEqualTo("online");
        }
        long newAlpha = onlyProcessOf(alpha);
        long newBeta = onlyProcessOf(beta);
        assertThat(apps2.get(0).path("pid").asLong()).isEqualTo(newAlpha).isNotEqualTo(oldAlpha);
        assertThat(apps2.get(1).path("pid").asLong()).isEqualTo(newBeta).isNotEqualTo(oldBeta);
        assertThat(Files.readString(jsup.home().resolve("jsupd.log")))
                .contains("[alpha] pid " + oldAlpha + " was left running by a jsupd that died")
                .contains("[beta] pid " + oldBeta + " was left running by a jsupd that died");
    }
}
