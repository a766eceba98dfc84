package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jsup.healthmon.proc.InotifyReport;
import jsup.supervisor.AppStatus;
import jsup.supervisor.RestartRecord;
import jsup.supervisor.Transition;
import jsup.supervisor.config.AppSpecJson;

/** Renders an app as the protocol's app object (docs/control-protocol.md, "The app object"). */
final class AppJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AppJson() {
    }

    /** The app object; its lists and nested objects are built only when {@code fields} asks for them. */
    static ObjectNode render(AppStatus s, HealthBook.Entry health, Instant now, boolean withConfig, AppFields fields) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("namespace", s.spec().namespace());
        o.put("status", s.status().label());
        o.put("ready", s.ready());
        o.put("notify_status", s.notifyStatus());
        o.put("want", s.wantUp() ? "up" : "down");
        o.put("pid", s.pid());
        o.put("started_at", s.startedAt() == null ? null : s.startedAt().toString());
        long uptime = s.status().hasProcess() && s.startedAt() != null
                ? Math.max(0, Duration.between(s.startedAt(), now).toMillis()) : 0;
        o.put("uptime_ms", uptime);
        o.put("restarts", s.restarts());
        o.put("unstable_restarts", s.unstableRestarts());
        o.put("last_exit", s.lastExit());
        o.put("status_reason", s.statusReason());
        o.put("cpu", Math.round(s.cpuPercent() * 10) / 10.0);
        o.put("memory", s.memoryBytes());
        o.put("health", s.spec().health() == null ? "none"
                : health.summary(!s.spec().health().probes().isEmpty(), s.status().hasProcess()));
        o.put("health_failures", health.consecutiveFailures());
        o.put("inotify_warning", health.inotifyWarning() != null);
        o.put("inotify_detail", health.inotifyWarning());
        if (fields.wants("inotify")) {
            o.set("inotify", inotify(health.inotify()));
        }
        o.put("out_file", text(s.spec().outFile()));
        o.put("error_file", text(s.spec().errorFile()));
        o.put("log_file", text(s.spec().logFile()));
        if (fields.wants("restart_history")) {
            ArrayNode history = o.putArray("restart_history");
            for (RestartRecord r : s.restartHistory()) {
                history.addObject().put("at", r.at().toString()).put("reason", r.reason())
                        .put("uptime_ms", r.uptime() == null ? 0 : r.uptime().toMillis());
            }
        }
        if (fields.wants("transitions")) {
            ArrayNode transitions = o.putArray("transitions");
            for (Transition t : s.transitions()) {
                transitions.addObject().put("at", t.at().toString())
                        .put("from", t.from() == null ? null : t.from().label())
                        .put("to", t.to().label()).put("reason", t.reason());
            }
        }
        if (fields.wants("health_results")) {
            o.set("health_results", results(health));
        }
        if (withConfig) {
            o.set("config", AppSpecJson.toJson(s.spec()));
        }
        return o;
    }

    /**
     * The instance fields: {@code instance} (the id, 0 for an app of one) and {@code instance_of} (the app's
     * name when it has several instances, else null), so a client can show {@code api:2}.
     */
    static void instance(ObjectNode app, AppStatus s, boolean ofSeveral) {
        app.put("instance", s.spec().instances().id());
        app.put("instance_of", ofSeveral ? s.spec().appName() : null);
    }

    /**
     * The latest inotify report: what the app's process tree holds, what its user holds in total
     * (what the kernel limits) and the limits (-1 when unreadable); null before the first read.
     */
    static ObjectNode inotify(HealthBook.Inotify latest) {
        if (latest == null) {
            return null;
        }
        InotifyReport r = latest.report();
        return NODES.objectNode().put("at", latest.at().toString()).put("uid", r.uid())
                .put("instances", r.app().instances()).put("watches", r.app().watches())
                .put("user_instances", r.user().instances()).put("user_watches", r.user().watches())
                .put("max_user_instances", r.limits().maxUserInstances())
                .put("max_user_watches", r.limits().maxUserWatches());
    }

    static ArrayNode results(HealthBook.Entry health) {
        ArrayNode results = NODES.arrayNode();
        for (HealthBook.Result r : health.lastRound()) {
            results.add(result(r));
        }
        return results;
    }

    static ObjectNode result(HealthBook.Result r) {
        return NODES.objectNode().put("at", r.at().toString()).put("probe", r.probe()).put("ok", r.ok())
                .put("latency_ms", r.latency().toMillis()).put("detail", r.detail());
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }
}
