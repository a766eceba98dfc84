package jsup.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.HumanUnits;

/**
 * The apps of jsupd's {@code list} as a chat-sized plain table with {@code jsup list}'s columns
 * (id, name, pid, status, ↺, uptime, cpu, mem, health) and units: space-aligned, so it lines up in
 * a monospace font and stays readable in any other; no box drawing, no colours.
 */
final class AppTable {

    static final String[] HEADERS = {"id", "name", "pid", "status", "↺", "uptime", "cpu", "mem", "health"};
    /** Longer names are cut so one app stays on one line of a phone screen as far as possible. */
    static final int MAX_NAME = 24;

    private AppTable() {
    }

    /** The table, one line per app after the heading line; a sentence when there are no apps. */
    static String render(List<JsonNode> apps) {
        if (apps.isEmpty()) {
            return "(jsupd supervises no apps)";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (JsonNode app : apps) {
            rows.add(row(app));
        }
        int[] width = new int[HEADERS.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], length(r[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append(r[c]).append(" ".repeat(width[c] - length(r[c]) + 1));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String[] row(JsonNode app) {
        long pid = app.path("pid").asLong();
        String name = app.path("name").asText("?");
        if (length(name) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
        }
        return new String[] {
            app.path("id").asText("?"),
            name,
            Long.toString(pid),
            app.path("status").asText("?"),
            Integer.toString(app.path("restarts").asInt()),
            pid > 0 ? HumanUnits.uptime(app.path("uptime_ms").asLong()) : "0s",
            HumanUnits.cpu(app.path("cpu").asDouble()),
            HumanUnits.bytes(app.path("memory").asLong()),
            app.path("health").asText("none"),
        };
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
