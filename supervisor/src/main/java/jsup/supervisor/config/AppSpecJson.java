package jsup.supervisor.config;

import jsup.supervisor.units.Sizes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.TreeSet;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;

/**
 * Writes an {@link AppSpec} as an ecosystem app object with PM2's snake_case keys, every value explicit
 * (durations and sizes in their short text form), so that {@link EcosystemLoader} reads it back into an equal
 * {@code AppSpec}. Used for jsupd's {@code dump.json} and {@code jsup describe}.
 */
public final class AppSpecJson {

    private AppSpecJson() {
    }

    public static ObjectNode toJson(AppSpec app) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", app.name());
        json.put("namespace", app.namespace());
        json.put("script", app.script());
        app.args().forEach(json.putArray("args")::add);
        json.put("interpreter", app.interpreter() == null ? "none" : app.interpreter());
        app.interpreterArgs().forEach(json.putArray("interpreter_args")::add);
        json.put("cwd", app.cwd().toString());
        ObjectNode env = json.putObject("env");
        new TreeMap<>(app.env()).forEach(env::put);
        json.put("autorestart", app.autorestart());
        json.put("autostart", app.autostart());
        new TreeSet<>(app.stopExitCodes()).forEach(json.putArray("stop_exit_codes")::add);
        json.put("min_uptime", Durations.format(app.minUptime()));
        json.put("max_restarts", app.maxRestarts());
        json.put("restart_delay", Durations.format(app.restartDelay()));
        if (app.expBackoffRestartDelay() != null) {
            json.put("exp_backoff_restart_delay", Durations.format(app.expBackoffRestartDelay()));
        }
        json.put("exp_backoff_factor", app.backoffFactor());
        json.put("exp_backoff_max", Durations.format(app.backoffMax()));
        json.put("exp_backoff_reset", Durations.format(app.backoffReset()));
        json.put("max_memory_restart", Sizes.format(app.maxMemoryRestart()));
        json.put("memory_check_interval", Durations.format(app.memoryCheckInterval()));
        json.put("kill_timeout", Durations.format(app.killTimeout()));
        json.put("kill_signal", app.killSignal());
        json.put("out_file", app.outFile().toString());
        json.put("error_file", app.errorFile().toString());
        putPath(json, "log_file", app.logFile());
        json.put("merge_logs", app.mergeLogs());
        json.put("time", app.time());
        if (app.logDateFormat() != null) {
            json.put("log_date_format", app.logDateFormat());
        }
        json.put("log_max_size", Sizes.format(app.logMaxSize()));
        json.put("log_retain", app.logRetain());
        json.put("log_compress", app.logCompress());
        putPath(json, "pid_file", app.pidFile());
        ArrayNode preStart = json.putArray("pre_start");
        for (PreStartStep step : app.preStart()) {
            ObjectNode entry = preStart.addObject();
            if (step instanceof PreStartStep.RunCommand run) {
                entry.put("run", run.command());
                entry.put("timeout", Durations.format(run.timeout()));
            } else if (step instanceof PreStartStep.ClearStaleLocks locks) {
                entry.put("clear_stale_locks", locks.glob());
                if (locks.removeUnownedAfter() != null) {
                    entry.put("remove_unowned_after", Durations.format(locks.removeUnownedAfter()));
                }
            }
        }
        if (app.health() != null) {
            json.set("health", health(app.health()));
        }
        readiness(app, json);
        if (app.cronRestart() != null) {
            json.put("cron_restart", app.cronRestart());
        }
        if (app.watch() != null) {
            ArrayNode watch = json.putArray("watch");
            app.watch().paths().forEach(p -> watch.add(p.toString()));
            app.watch().ignore().forEach(json.putArray("ignore_watch")::add);
            json.put("watch_delay", Durations.format(app.watch().delay()));
        }
        if (app.notifications() != null) {
            json.set("notify", notify(app.notifications()));
        }
        instances(app.instances(), json);
        if (!app.sockets().isEmpty()) {
            ArrayNode sockets = json.putArray("sockets");
            app.sockets().forEach(s -> sockets.addObject().put("name", s.name()).put("listen", s.listen().text()));
        }
        return json;
    }

    /** The instance keys, written only for an app of several, so older files look the same. */
    private static void instances(InstancesSpec set, ObjectNode json) {
        if (set.count() > 1 || set.id() > 0) {
            json.put("instances", set.count());
            json.put("instance_var", set.instanceVar());
        }
        if (set.incrementVar() != null) {
            json.put("increment_var", set.incrementVar());
        }
    }

    /** The readiness keys and {@code depends_on}, written only when set, so older files look the same. */
    private static void readiness(AppSpec app, ObjectNode json) {
        ReadinessSpec r = app.readiness();
        if (r.notifyReady()) {
            json.put("wait_ready", true);
        }
        if (r.healthReady() && json.get("health") instanceof ObjectNode health) {
            health.put("ready", true);
        }
        if (!r.timeout().equals(ReadinessSpec.DEFAULT_TIMEOUT)) {
            json.put("listen_timeout", Durations.format(r.timeout()));
        }
        if (r.watchdog() != null) {
            json.put("watchdog", Durations.format(r.watchdog()));
        }
        if (!app.dependsOn().isEmpty()) {
            ObjectNode deps = json.putObject("depends_on");
            app.dependsOn().forEach((name, condition) -> deps.put(name, condition.label()));
        }
        if (!app.dependsTimeout().equals(DependsReader.DEFAULT_TIMEOUT)) {
            json.put("depends_timeout", Durations.format(app.dependsTimeout()));
        }
    }

    /** As written: {@code ${VAR}} references stay references, so no resolved secret is ever stored or shown. */
    private static ObjectNode notify(NotifySpec notify) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (NotifySink sink : notify.sinks()) {
            String timeout = Durations.format(sink.timeout());
            if (sink instanceof NotifySink.Webhook w) {
                ObjectNode entry = arrayOf(json, "webhook").addObject().put("url", w.url());
                new TreeMap<>(w.headers()).forEach(entry.putObject("headers")::put);
                entry.put("timeout", timeout);
            } else if (sink instanceof NotifySink.Telegram t) {
                arrayOf(json, "telegram").addObject().put("token", t.token()).put("chat_id", t.chatId())
                        .put("api_url", t.apiUrl()).put("timeout", timeout);
            } else if (sink instanceof NotifySink.Exec e) {
                arrayOf(json, "exec").addObject().put("command", e.command()).put("timeout", timeout);
            }
        }
        NotifySpec.EVENTS.stream().filter(notify::wants).forEach(json.putArray("events")::add);
        json.put("rate_limit", Durations.format(notify.rateLimit()));
        return json;
    }

    private static ArrayNode arrayOf(ObjectNode json, String key) {
        return json.has(key) ? (ArrayNode) json.get(key) : json.putArray(key);
    }

    private static ObjectNode health(HealthSpec health) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode probes = json.putArray("probes");
        for (ProbeSpec probe : health.probes()) {
            ObjectNode entry = probes.addObject();
            if (probe instanceof ProbeSpec.Tcp tcp) {
                String host = tcp.host().contains(":") ? "[" + tcp.host() + "]" : tcp.host();
                entry.put("tcp", host + ":" + tcp.port());
            } else if (probe instanceof ProbeSpec.Http http) {
                ObjectNode h = entry.putObject("http");
                h.put("url", http.url().toString());
                new TreeSet<>(http.statuses()).forEach(h.putArray("status")::add);
                if (http.bodyContains() != null) {
                    h.put("body_contains", http.bodyContains());
                }
            } else if (probe instanceof ProbeSpec.Exec exec) {
                exec.command().forEach(entry.putArray("exec")::add);
            }
        }
        json.put("interval", Durations.format(health.interval()));
        json.put("timeout", Durations.format(health.timeout()));
        json.put("failures", health.failures());
        json.put("initial_delay", Durations.format(health.initialDelay()));
        json.put("action", health.action() == HealthAction.LOG ? "log" : "restart");
        json.put("inotify_warn", health.inotifyWarn());
        return json;
    }

    private static void putPath(ObjectNode json, String key, Path path) {
        if (path != null) {
            json.put(key, path.toString());
        }
    }
}
