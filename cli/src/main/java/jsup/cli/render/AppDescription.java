package jsup.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import jsup.supervisor.control.HumanUnits;

/**
 * {@code jsup describe}'s text for one app object (with {@code config}): state, pids, log paths,
 * config, restart history with reasons, recent transitions and the last health results.
 */
public final class AppDescription {

    private AppDescription() {
    }

    /** The description with every time (started at, history, transitions, results) in {@code time}'s format. */
    public static String render(JsonNode app, Ansi ansi, TimeFormat time) {
        StringBuilder sb = new StringBuilder();
        String status = app.path("status").asText();
        sb.append(ansi.bold(StatusTable.shownName(app))).append(" (id ").append(app.path("id").asText())
                .append(") ").append(ansi.status(status)).append('\n');
        row(sb, "status", status + " (want " + app.path("want").asText() + ")");
        text(sb, "status reason", app.path("status_reason"));
        if ("online".equals(status) && app.path("ready").isBoolean()) {
            row(sb, "ready", app.path("ready").booleanValue() ? "yes" : ansi.yellow("not yet"));
        }
        text(sb, "notify status", app.path("notify_status"));
        row(sb, "namespace", app.path("namespace").asText("default"));
        long pid = app.path("pid").asLong();
        row(sb, "pid", pid > 0 ? Long.toString(pid) : "none");
        text(sb, "started at", at(app.path("started_at"), time));
        if (pid > 0) {
            row(sb, "uptime", HumanUnits.uptime(app.path("uptime_ms").asLong()));
        }
        row(sb, "restarts", app.path("restarts").asInt() + " (unstable in a row: "
                + app.path("unstable_restarts").asInt() + ")");
        text(sb, "last exit", app.path("last_exit"));
        row(sb, "cpu", HumanUnits.cpu(app.path("cpu").asDouble()));
        row(sb, "memory", HumanUnits.bytes(app.path("memory").asLong()));
        String health = app.path("health").asText("none");
        row(sb, "health", ansi.health(health) + (app.path("health_failures").asInt() > 0
                ? " (" + app.path("health_failures").asInt() + " failed rounds in a row)" : ""));
        JsonNode inotify = app.path("inotify");
        if (inotify.isObject()) {
            // The app's own use, then its user's totals against the kernel's per-user limits.
            row(sb, "inotify", inotify.path("instances").asLong() + " instances, " + inotify.path("watches").asLong()
                    + " watches (user: " + inotify.path("user_instances").asLong() + "/"
                    + inotify.path("max_user_instances").asLong() + " instances, "
                    + inotify.path("user_watches").asLong() + "/" + inotify.path("max_user_watches").asLong()
                    + " watches)");
        }
        if (app.path("inotify_warning").asBoolean()) {
            row(sb, "inotify", ansi.yellow("warning: " + app.path("inotify_detail").asText("")));
        }
        scheduleAndWatch(sb, app, time);
        for (JsonNode socket : app.path("sockets")) {
            row(sb, "socket " + socket.path("name").asText(), socket.path("bound").asText() + " (fd "
                    + socket.path("fd").asInt() + " in the app, held by jsupd across restarts)");
        }
        text(sb, "out log", app.path("out_file"));
        text(sb, "error log", app.path("error_file"));
        text(sb, "combined log", app.path("log_file"));

        JsonNode config = app.path("config");
        if (config.isObject() && config.size() > 0) {
            sb.append('\n').append(ansi.cyan("Config")).append('\n');
            for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                row(sb, e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        JsonNode restarts = app.path("restart_history");
        sb.append('\n').append(ansi.cyan("Restart history")).append(restarts.isEmpty() ? " (none)" : "").append('\n');
        for (JsonNode r : restarts) {
            sb.append("  ").append(time.reformat(r.path("at").asText())).append("  ").append(r.path("reason").asText())
                    .append("  (ran ").append(HumanUnits.uptime(r.path("uptime_ms").asLong())).append(")\n");
        }
        JsonNode transitions = app.path("transitions");
        if (!transitions.isEmpty()) {
            sb.append('\n').append(ansi.cyan("Recent transitions")).append('\n');
            for (JsonNode t : transitions) {
                String from = t.path("from").isNull() || t.path("from").isMissingNode() ? "-" : t.path("from").asText();
                sb.append("  ").append(time.reformat(t.path("at").asText())).append("  ").append(from).append(" → ")
                        .append(t.path("to").asText());
                String reason = t.path("reason").asText("");
                if (!reason.isEmpty() && !t.path("reason").isNull()) {
                    sb.append("  (").append(reason).append(')');
                }
                sb.append('\n');
            }
        }
        JsonNode results = app.path("health_results");
        if (!results.isEmpty()) {
            sb.append('\n').append(ansi.cyan("Last health results")).append('\n');
            for (JsonNode r : results) {
                boolean ok = r.path("ok").asBoolean();
                sb.append("  ").append(time.reformat(r.path("at").asText())).append("  ")
                        .append(ok ? ansi.green("ok") : ansi.red("FAIL")).append("  ")
                        .append(r.path("probe").asText()).append("  ").append(r.path("latency_ms").asLong())
                        .append(" ms  ").append(r.path("detail").asText("")).append('\n');
            }
        }
        return sb.toString();
    }

    /** The next {@code cron_restart} run and how the app's files are watched, when it has either. */
    private static void scheduleAndWatch(StringBuilder sb, JsonNode app, TimeFormat time) {
        JsonNode cron = app.path("config").path("cron_restart");
        if (app.path("next_cron").isTextual()) {
            row(sb, "next cron restart", time.reformat(app.path("next_cron").asText())
                    + (cron.isTextual() ? " (" + cron.asText() + ")" : ""));
        }
        String watch = app.path("watch").asText("off");
        if (!watch.equals("off")) {
            row(sb, "watch", watch.equals("inotify")
                    ? "inotify, " + app.path("watch_watches").asInt() + " folders watched" : watch);
        }
    }

    private static JsonNode at(JsonNode iso, TimeFormat time) {
        return iso.isTextual() ? TextNode.valueOf(time.reformat(iso.asText())) : iso;
    }

    private static void text(StringBuilder sb, String label, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode() && !value.asText().isEmpty()) {
            row(sb, label, value.asText());
        }
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("  ").append(String.format("%-24s", label)).append(' ').append(value).append('\n');
    }
}
