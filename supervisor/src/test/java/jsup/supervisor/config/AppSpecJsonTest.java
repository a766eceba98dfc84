package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSpecJsonTest {

    @TempDir
    Path tmp;

    @Test
    void everyFieldSurvivesARoundTripThroughAnotherFolder() throws Exception {
        ConfigFixture fx = new ConfigFixture(tmp);
        fx.ecosystem(".env", "FROM_FILE=1\n");
        Path file = fx.ecosystem("ecosystem.json", """
                {"apps": [
                  {"name": "full", "script": "./app.js", "args": "--port 3000", "node_args": "--inspect",
                   "env_file": ".env", "env": {"A": "1"}, "env_prod": {"A": "2"}, "autorestart": false,
                   "autostart": false, "stop_exit_codes": [3, 0], "min_uptime": "2s", "max_restarts": 4,
                   "restart_delay": "1.5s", "exp_backoff_restart_delay": 100, "exp_backoff_factor": 1.75,
                   "exp_backoff_max": "20s", "exp_backoff_reset": "1m", "max_memory_restart": "300M",
                   "memory_check_interval": "500ms", "kill_timeout": 3000, "kill_signal": "SIGQUIT",
                   "out_file": "o.log", "error_file": "e.log", "log_file": "all.log", "merge_logs": true,
                   "log_date_format": "HH:mm", "log_max_size": "1G", "log_retain": 2, "log_compress": true,
                   "pid_file": "full.pid", "namespace": "ns",
                   "pre_start": [{"run": "true", "timeout": "5s"}, {"clear_stale_locks": "~/*.lock"}],
                   "health": {"probes": [{"tcp": "[::1]:80"}, {"http": {"url": "http://h/x", "status": 204,
                              "body_contains": "ok"}}, {"http": "http://h/"}, {"exec": "check --deep"}],
                              "interval": "1m", "failures": 2, "action": "log", "inotify_warn": 0.75}},
                  {"script": "./server", "interpreter": "none"},
                  {"script": "./ticker.sh", "time": true, "health": {"inotify_warn": 0.5}}
                ]}
                """);
        Ecosystem original = fx.loader().load(file, "prod");

        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        var apps = dump.putArray("apps");
        original.apps().forEach(app -> apps.add(AppSpecJson.toJson(app)));
        Path elsewhere = ConfigFixture.mkdirs(tmp.resolve("elsewhere"));
        Path dumpFile = Files.writeString(elsewhere.resolve("dump.json"), dump.toPrettyString());
        Ecosystem reloaded = fx.loader().load(dumpFile, null);
        Ecosystem fromTree = fx.loader().load(dump, elsewhere, null);

        assertThat(reloaded.apps()).isEqualTo(original.apps());
        assertThat(fromTree.apps()).isEqualTo(original.apps());
        assertThat(reloaded.warnings()).isEmpty();
        assertThat(original.apps().get(0).env()).containsEntry("A", "2").containsEntry("FROM_FILE", "1");
    }

    @Test
    void writesPm2KeysWithReadableUnits() {
        ConfigFixture fx = new ConfigFixture(tmp);
        JsonNode json = AppSpecJson.toJson(fx.tickerApp());

        assertThat(json.get("min_uptime").asText()).isEqualTo("1s");
        assertThat(json.get("kill_timeout").asText()).isEqualTo("1600ms");
        assertThat(json.get("max_memory_restart").asText()).isEqualTo("0");
        assertThat(json.get("log_max_size").asText()).isEqualTo("10M");
        assertThat(json.get("kill_signal").asText()).isEqualTo("TERM");
        assertThat(json.get("interpreter").asText()).isEqualTo(fx.bin.resolve("bash").toString());
        assertThat(json.has("health")).isFalse();
        assertThat(json.has("log_file")).isFalse();
    }
}
