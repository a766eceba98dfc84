package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What of jsupd's answers goes to the browser: named fields only, copied one by one. The app's
 * config (which holds notification tokens and webhook headers) and its environment never do, so no
 * secret can reach a page, whatever a later release adds to {@code describe}.
 */
final class BrowserView {

    private static final List<String> ROW = List.of("name", "namespace", "status", "pid", "uptime_ms", "restarts",
            "cpu", "memory", "health", "health_failures", "ready", "notify_status", "want", "status_reason",
            "inotify_warning", "last_exit");
    private static final int HISTORY_ROWS = 50;

    private BrowserView() {
    }

    /** The app table: one row per app of {@code list} (with figures). */
    static ArrayNode table(JsonNode apps) {
        ArrayNode rows = DashboardReplies.JSON.createArrayNode();
        for (JsonNode app : apps) {
            rows.add(row(app));
        }
        return rows;
    }

    /** An app's page: its row, restart history, state changes, probe results and the chart points. */
    static ObjectNode detail(JsonNode app, List<UsageHistory.Point> points) {
        ObjectNode o = row(app);
        JsonNode config = app.path("config");
        o.put("script", config.path("script").asText(null));
        o.put("cwd", config.path("cwd").asText(null));
        o.put("max_memory_restart", config.path("max_memory_restart").asText(null));
        o.set("restart_history", last(app.path("restart_history"), HISTORY_ROWS, "at", "reason", "uptime_ms"));
        o.set("transitions", last(app.path("transitions"), HISTORY_ROWS, "at", "from", "to", "reason"));
        o.set("health_results", last(app.path("health_results"), HISTORY_ROWS, "at", "probe", "ok", "latency_ms",
                "detail"));
        o.put("history_interval_s", UsageHistory.INTERVAL_SECONDS);
        ArrayNode chart = o.putArray("history");
        for (UsageHistory.Point p : points) {
            chart.addArray().add(p.epochSecond()).add(Math.round(p.cpuPercent() * 10) / 10.0).add(p.memoryBytes());
        }
        return o;
    }

    private static ObjectNode row(JsonNode app) {
        ObjectNode o = DashboardReplies.JSON.createObjectNode();
        for (String field : ROW) {
            if (app.has(field)) {
                o.set(field, app.get(field));
            }
        }
        JsonNode metrics = app.path("metrics");
        if (metrics.has("memory_limit_bytes")) {
            o.set("memory_limit", metrics.get("memory_limit_bytes"));
        }
        return o;
    }

    private static ArrayNode last(JsonNode list, int max, String... fields) {
        ArrayNode out = DashboardReplies.JSON.createArrayNode();
        for (int i = Math.max(0, list.size() - max); i < list.size(); i++) {
            ObjectNode o = out.addObject();
            for (String f : fields) {
                if (list.get(i).has(f)) {
                    o.set(f, list.get(i).get(f));
                }
            }
        }
        return out;
    }
}
