package jsup.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import jsup.supervisor.control.HumanUnits;

/**
 * The {@code jsup list} table from the control protocol's app objects: id, name, pid, status,
 * ↺ (restarts), uptime, cpu, mem, health. Boxed and coloured on a terminal like {@code pm2 ls};
 * plain, space-aligned columns when piped, so {@code awk '{print $2}'} works.
 */
public final class StatusTable {

    private static final String[] HEADERS = {"id", "name", "pid", "status", "↺", "uptime", "cpu", "mem", "health"};

    private StatusTable() {
    }

    /** The table as text, each line ending with a newline. */
    public static String render(List<JsonNode> apps, Ansi ansi) {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode app : apps) {
            rows.add(row(app));
        }
        int[] width = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            width[c] = HEADERS[c].codePointCount(0, HEADERS[c].length());
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].codePointCount(0, r[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!ansi.enabled()) {
            line(sb, HEADERS, width, "", " ", "", (c) -> UnaryOperator.identity());
            for (String[] r : rows) {
                line(sb, r, width, "", " ", "", (c) -> UnaryOperator.identity());
            }
            return sb.toString();
        }
        border(sb, width, "┌", "┬", "┐");
        line(sb, HEADERS, width, "│ ", " │ ", " │", (c) -> ansi::cyan);
        border(sb, width, "├", "┼", "┤");
        for (String[] r : rows) {
            line(sb, r, width, "│ ", " │ ", " │", (c) -> switch (c) {
                case 1 -> ansi::bold;
                case 3 -> ansi::status;
                case 8 -> ansi::health;
                default -> UnaryOperator.identity();
            });
        }
        border(sb, width, "└", "┴", "┘");
        return sb.toString();
    }

    private static String[] row(JsonNode app) {
        boolean running = app.path("pid").asLong() > 0;
        return new String[] {
            app.path("id").asText(),
            app.path("name").asText(),
            Long.toString(app.path("pid").asLong()),
            app.path("status").asText(),
            Integer.toString(app.path("restarts").asInt()),
            running ? HumanUnits.uptime(app.path("uptime_ms").asLong()) : "0s",
            HumanUnits.cpu(app.path("cpu").asDouble()),
            HumanUnits.bytes(app.path("memory").asLong()),
            app.path("health").asText("none"),
        };
    }

    private interface Styler {
        UnaryOperator<String> forColumn(int column);
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, String left, String sep,
                             String right, Styler styler) {
        StringBuilder l = new StringBuilder(left);
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append(sep);
            }
            String cell = cells[c];
            int pad = width[c] - cell.codePointCount(0, cell.length());
            l.append(styler.forColumn(c).apply(cell));
            if (c < cells.length - 1 || !right.isEmpty()) {
                l.append(" ".repeat(pad));
            }
        }
        l.append(right);
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static void border(StringBuilder sb, int[] width, String left, String mid, String right) {
        sb.append(left);
        for (int c = 0; c < width.length; c++) {
            if (c > 0) {
                sb.append(mid);
            }
            sb.append("─".repeat(width[c] + 2));
        }
        sb.append(right).append('\n');
    }
}
