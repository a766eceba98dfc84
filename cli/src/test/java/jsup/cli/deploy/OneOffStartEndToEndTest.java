package jsup.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.doctor.TempDaemon;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4: {@code jsup start} of one program takes PM2's flags, each mapped onto its
 * ecosystem key and validated by jsupd like a file's app; a command line is split like a shell; a
 * program is found on the caller's PATH; a missing path is "no such file" (exit 2).
 */
class OneOffStartEndToEndTest extends TempDaemonTest {

    @Override
    void writeScripts() throws IOException {
        TempDaemon.script(dir.resolve("idle.sh"), "#!/bin/sh\nexec sleep 1000\n");
    }

    @Test
    void aQuotedCommandLineIsSplitLikeAShell() throws IOException {
        ok("start", "python3 -m http.server 0 --bind '127.0.0.1'", "--name", "web");
        JsonNode web = describe("web");
        assertThat(web.path("status").asText()).isEqualTo("online");
        assertThat(web.path("config").path("script").asText()).endsWith("/python3");
        assertThat(web.path("config").path("args").toString())
                .isEqualTo("[\"-m\",\"http.server\",\"0\",\"--bind\",\"127.0.0.1\"]");
    }

    @Test
    void npmWithItsArgumentsAfterDoubleDash() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("package.json"), "{\"name\": \"p\", \"scripts\": {\"start\": \"sleep 1000\"}}");
        ok("start", "npm", "--name", "npm-app", "--cwd", project.toString(), "--", "start");
        JsonNode app = describe("npm-app");
        assertThat(app.path("status").asText()).isEqualTo("online");
        assertThat(app.path("config").path("script").asText()).endsWith("/npm");
        assertThat(app.path("config").path("args").toString()).isEqualTo("[\"start\"]");
        assertThat(app.path("config").path("cwd").asText()).isEqualTo(project.toString());
    }

    @Test
    void aProgramOnTheCallersPathStartsWhenNoAppHasItsName() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        TempDaemon.script(bin.resolve("idler"), "#!/bin/sh\nexec sleep 1000\n");
        ok(Map.of("PATH", bin + ":" + System.getenv("PATH")), "start", "idler");
        JsonNode app = describe("idler");
        assertThat(app.path("status").asText()).isEqualTo("online");
        assertThat(app.path("config").path("script").asText()).isEqualTo(bin.resolve("idler").toString());
        // Now that an app has the name, the same word starts that app.
        assertThat(ok("start", "idler").out()).contains("already running (nothing changed): idler");
    }

    @Test
    void eachFlagMapsOntoItsEcosystemKey() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        ok("start", dir.resolve("idle.sh").toString(), "--name", "flags", "--interpreter", "bash",
                "--max-memory-restart", "200M", "--restart-delay", "2s", "--no-autorestart", "--cwd", logs.toString(),
                "--time", "-o", "out.log", "-e", logs.resolve("err.log").toString(), "--log", logs.resolve("all.log").toString(),
                "--kill-timeout", "3000", "--max-restarts", "4", "--min-uptime", "500ms", "--namespace", "batch");
        JsonNode config = describe("flags").path("config");
        assertThat(config.path("interpreter").asText()).endsWith("bash");
        assertThat(config.path("max_memory_restart").asText()).isEqualTo("200M");
        assertThat(config.path("restart_delay").asText()).isEqualTo("2s");
        assertThat(config.path("autorestart").asBoolean()).isFalse();
        assertThat(config.path("cwd").asText()).isEqualTo(logs.toString());
        assertThat(config.path("time").asBoolean()).isTrue();
        assertThat(config.path("out_file").asText()).isEqualTo(Path.of("").toAbsolutePath().resolve("out.log").toString());
        assertThat(config.path("error_file").asText()).isEqualTo(logs.resolve("err.log").toString());
        assertThat(config.path("log_file").asText()).isEqualTo(logs.resolve("all.log").toString());
        assertThat(config.path("kill_timeout").asText()).isEqualTo("3s");
        assertThat(config.path("max_restarts").asInt()).isEqualTo(4);
        assertThat(config.path("min_uptime").asText()).isEqualTo("500ms");
        assertThat(config.path("namespace").asText()).isEqualTo("batch");
        ok("delete", "flags");
        Files.deleteIfExists(Path.of("out.log"));
    }

    @Test
    void watchAndCronFlagsMapOntoTheirKeysAndDescribeShowsThem() throws IOException {
        Path src = Files.createDirectories(dir.resolve("watched/src"));
        ok("start", dir.resolve("idle.sh").toString(), "--name", "watched", "--cwd", src.getParent().toString(),
                "--watch", "src", "--ignore-watch", "*.log,tmp", "--watch-delay", "1s", "--cron", "0 3 * * *");
        JsonNode app = describe("watched");
        JsonNode config = app.path("config");
        assertThat(config.path("watch").toString()).isEqualTo("[\"" + src + "\"]");
        assertThat(config.path("ignore_watch").toString()).isEqualTo("[\"*.log\",\"tmp\"]");
        assertThat(config.path("watch_delay").asText()).isEqualTo("1s");
        assertThat(config.path("cron_restart").asText()).isEqualTo("0 3 * * *");
        assertThat(app.path("watch").asText()).isEqualTo("inotify");
        assertThat(app.path("next_cron").asText()).endsWith(":00Z");
        assertThat(ok("describe", "watched").out()).contains("next cron restart").contains("(0 3 * * *)")
                .contains("inotify, 1 folders watched");
        ok("start", dir.resolve("idle.sh").toString(), "--name", "watch-cwd", "--cwd", src.toString(), "--watch");
        assertThat(describe("watch-cwd").path("config").path("watch").toString()).isEqualTo("[\"" + src + "\"]");
        ok("delete", "watched");
        ok("delete", "watch-cwd");

        CliRun.Result bad = daemon.jsup("start", dir.resolve("idle.sh").toString(), "--name", "badcron",
                "--cron", "0 3 * *");
        assertThat(bad.exitCode()).isEqualTo(5);
        assertThat(bad.err()).contains("cron_restart").contains("has 4 fields");
    }

    @Test
    void dashIStartsInstancesThatScaleAndAreAddressedOneByOne() throws IOException {
        ok("start", dir.resolve("idle.sh").toString(), "--name", "many", "-i", "2");
        assertThat(ok("list").out()).contains("many:0").contains("many:1");
        JsonNode second = describe("many:1");
        assertThat(second.path("instance").asInt()).isEqualTo(1);
        assertThat(second.path("status").asText()).isEqualTo("online");

        assertThat(ok("scale", "many", "+1").out()).contains("many: 2 → 3 instance(s)").contains("many:2");
        assertThat(describe("many:2").path("status").asText()).isEqualTo("online");
        assertThat(ok("stop", "many:1").out()).contains("many:1");
        assertThat(describe("many:1").path("status").asText()).isEqualTo("stopped");
        assertThat(describe("many:0").path("status").asText()).isEqualTo("online");

        CliRun.Result bad = daemon.jsup("scale", "many", "lots");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("\"lots\" is not a count of instances");
        assertThat(ok("scale", "many", "1").out()).contains("stopped and removed: many:2, many:1");
        ok("delete", "many");
        assertThat(daemon.jsup("describe", "many").exitCode()).isEqualTo(3);
    }

    @Test
    void aBadFlagValueIsRefusedNamingItsKey() {
        CliRun.Result r = daemon.jsup("start", dir.resolve("idle.sh").toString(), "--name", "bad",
                "--max-memory-restart", "200X");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("the command line").contains("max_memory_restart").contains("200X");
        assertThat(daemon.jsup("describe", "bad").exitCode()).isEqualTo(3);
    }

    @Test
    void aPathThatDoesNotExistIsNoSuchFile() {
        CliRun.Result slash = daemon.jsup("start", "./nonexist.sh");
        assertThat(slash.exitCode()).isEqualTo(2);
        assertThat(slash.err()).contains("no such file").contains("nonexist.sh").doesNotContain("no app has");
        CliRun.Result extension = daemon.jsup("start", "nonexist.sh");
        assertThat(extension.exitCode()).isEqualTo(2);
        assertThat(extension.err()).contains("no such file");
    }
}
