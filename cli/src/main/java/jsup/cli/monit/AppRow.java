package jsup.cli.monit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.render.StatusTable;

/**
 * One app as monit shows it, read from the protocol's app object ({@code list}) and the app's
 * {@code max_memory_restart} (from {@code describe}'s config; 0 when none).
 *
 * @param inotifyShare the user's inotify watches as a share of its limit (0–1), -1 when unknown
 * @param restarts     the restart history's reasons, newest first
 */
public record AppRow(int id, String name, String namespace, String status, long pid, long uptimeMs,
                     int restartCount, double cpu, long memory, long maxMemory, String health,
                     boolean inotifyWarning, String inotifyDetail, double inotifyShare,
                     String outFile, String errorFile, List<Restart> restarts) {

    /** The fields of {@code list}'s app object that {@link #of} reads. */
    static final List<String> FIELDS = List.of("id", "name", "instance", "instance_of", "namespace", "status", "pid",
            "uptime_ms", "restarts", "cpu", "memory", "health", "inotify_warning", "inotify_detail", "inotify",
            "out_file", "error_file", "restart_history");

    /** One past restart: when (ISO-8601 UTC, as jsupd sends it) and why. */
    public record Restart(String at, String reason) {
    }

    public AppRow {
        restarts = List.copyOf(restarts);
    }

    /** The row for {@code app}, an object of {@code list}'s {@code apps}. */
    public static AppRow of(JsonNode app, long maxMemory) {
        List<Restart> restarts = new ArrayList<>();
        for (JsonNode r : app.path("restart_history")) {
            restarts.add(0, new Restart(r.path("at").asText(""), r.path("reason").asText("")));
        }
        JsonNode inotify = app.path("inotify");
        double share = -1;
        if (inotify.isObject() && inotify.path("max_user_watches").asLong(-1) > 0) {
            share = inotify.path("user_watches").asDouble() / inotify.path("max_user_watches").asDouble();
        }
        // api:0 rather than api, so an action on the row acts on that instance only.
        return new AppRow(app.path("id").asInt(), StatusTable.shownName(app), app.path("namespace").asText("default"),
                app.path("status").asText(), app.path("pid").asLong(), app.path("uptime_ms").asLong(),
                app.path("restarts").asInt(), app.path("cpu").asDouble(), app.path("memory").asLong(), maxMemory,
                app.path("health").asText("none"), app.path("inotify_warning").asBoolean(),
                app.path("inotify_detail").isTextual() ? app.path("inotify_detail").asText() : null, share,
                text(app.path("out_file")), text(app.path("error_file")), restarts);
    }

    /** Whether a process runs (or is being started or stopped): {@code s} then stops it. */
    public boolean running() {
        return switch (status) {
            case "stopped", "errored" -> false;
            default -> true;
        };
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
