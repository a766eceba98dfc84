package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import jsup.supervisor.metrics.AppFigures;

/**
 * The app object's {@code metrics}: the same figures as {@code /metrics}, under the metric names
 * without the {@code jsup_app_} prefix (docs/metrics.md lists the pairs).
 */
final class FiguresJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FiguresJson() {
    }

    static ObjectNode render(AppFigures f) {
        ObjectNode o = NODES.objectNode();
        o.put("up", f.up() ? 1 : 0);
        ObjectNode restarts = o.putObject("restarts_total");
        f.restartsByCause().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> restarts.put(e.getKey(), e.getValue()));
        o.put("last_restart_timestamp_seconds", seconds(f.lastRestart()));
        o.put("start_time_seconds", seconds(f.startedAt()));
        o.put("memory_bytes", f.memoryBytes());
        o.put("memory_limit_bytes", f.memoryLimitBytes());
        o.put("cpu_seconds_total", f.cpuSeconds());
        o.put("threads", f.threads());
        o.put("open_fds", f.openFds());
        ObjectNode probes = o.putObject("health_probes");
        for (AppFigures.Probe p : f.probes()) {
            probes.putObject(p.probe()).put("success", p.ok() ? 1 : 0).put("duration_seconds", p.durationSeconds());
        }
        ObjectNode logBytes = o.putObject("log_bytes_total");
        f.logBytes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> logBytes.put(e.getKey(), e.getValue()));
        o.put("log_rotations_total", f.logRotations());
        return o;
    }

    /** Unix time in seconds (milliseconds as the fraction), or null. */
    private static Double seconds(Instant at) {
        return at == null ? null : at.toEpochMilli() / 1000.0;
    }
}
