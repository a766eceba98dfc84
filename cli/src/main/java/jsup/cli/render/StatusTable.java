package jsup.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jsup.supervisor.control.HumanUnits;

/**
 * The {@code jsup list} table from the control protocol's app objects: id, name, pid, status,
 * ↺ (restarts), uptime, cpu, mem, health. Boxed and coloured on a terminal like {@code pm2 ls};
 * plain, space-aligned columns when piped, so {@code awk '{print $2}'} works.
 *
 * <p>Given a width (the terminal's), the table fits it as pm2's does on a narrow terminal: it drops
 * the least useful columns first ({@link Column#DROP_ORDER}), then shortens names with "…". name,
 * status and health always stay.
 */
public final class StatusTable {

    /**
     * The fields of the app object the table (and {@code --names}) reads: what {@code jsup list} asks jsupd
     * for ({@code list}'s {@code fields}), so the answer leaves out the histories it never shows.
     */
    public static final List<String> FIELDS = List.of("id", "name", "instance", "instance_of", "status", "ready",
            "notify_status", "pid", "uptime_ms", "restarts", "cpu", "memory", "health", "inotify_warning");

    /** Width meaning "no limit" (piped output: scripts want every column). */
    public static final int UNLIMITED = 0;

    /** Shown after the health word while the app's user is over its {@code inotify_warn} ratio. */
    static final String INOTIFY_MARK = "⚠ inotify";

    private static final int MIN_NAME = 6;

    /**
     * The columns, in display order. Cells and colours are switches, not lambdas: each lambda costs
     * a short-lived {@code jsup list} its linking on first use (docs/benchmarks.md, "Start-up of a command").
     */
    enum Column {
        ID("id"), NAME("name"), PID("pid"), STATUS("status"), RESTARTS("↺"), UPTIME("uptime"), CPU("cpu"),
        MEM("mem"), HEALTH("health");

        /** Which columns go first when the table is too wide. */
        static final List<Column> DROP_ORDER = List.of(PID, UPTIME, RESTARTS, CPU, ID, MEM);

        final String header;

        Column(String header) {
            this.header = header;
        }

        /** This column's text for {@code app}. */
        String cell(JsonNode app) {
            return switch (this) {
                case ID -> app.path("id").asText();
                case NAME -> shownName(app);
                case PID -> Long.toString(app.path("pid").asLong());
                case STATUS -> status(app);
                case RESTARTS -> Integer.toString(app.path("restarts").asInt());
                case UPTIME -> app.path("pid").asLong() > 0 ? HumanUnits.uptime(app.path("uptime_ms").asLong()) : "0s";
                case CPU -> HumanUnits.cpu(app.path("cpu").asDouble());
                case MEM -> HumanUnits.bytes(app.path("memory").asLong());
                case HEALTH -> health(app);
            };
        }
    }

    private StatusTable() {
    }

    /** The table as text, each line ending with a newline, with every column. */
    public static String render(List<JsonNode> apps, Ansi ansi) {
        return render(apps, ansi, UNLIMITED);
    }

    /**
     * The table fitted to {@code maxWidth} columns of text ({@link #UNLIMITED} for no limit), each
     * line ending with a newline.
     */
    public static String render(List<JsonNode> apps, Ansi ansi, int maxWidth) {
        Set<Column> shown = EnumSet.allOf(Column.class);
        List<String[]> rows = new ArrayList<>();
        for (JsonNode app : apps) {
            String[] row = new String[Column.values().length];
            for (Column c : Column.values()) {
                row[c.ordinal()] = c.cell(app);
            }
            rows.add(row);
        }
        int[] width = new int[Column.values().length];
        for (Column c : Column.values()) {
            width[c.ordinal()] = length(c.header);
            for (String[] r : rows) {
                width[c.ordinal()] = Math.max(width[c.ordinal()], length(r[c.ordinal()]));
            }
        }
        if (maxWidth > 0) {
            fit(shown, width, maxWidth, ansi.enabled());
        }
        List<Column> columns = new ArrayList<>(shown);
        List<String[]> cells = new ArrayList<>();
        cells.add(project(columns, headers(), width));
        for (String[] r : rows) {
            cells.add(project(columns, r, width));
        }
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = width[columns.get(i).ordinal()];
        }
        StringBuilder sb = new StringBuilder();
        if (!ansi.enabled()) {
            for (String[] line : cells) {
                line(sb, line, w, "", " ", "", null, Ansi.OFF);
            }
            return sb.toString();
        }
        border(sb, w, "┌", "┬", "┐");
        line(sb, cells.get(0), w, "│ ", " │ ", " │", null, ansi);
        border(sb, w, "├", "┼", "┤");
        for (String[] line : cells.subList(1, cells.size())) {
            line(sb, line, w, "│ ", " │ ", " │", columns, ansi);
        }
        border(sb, w, "└", "┴", "┘");
        return sb.toString();
    }

    /** A body cell coloured by its column ({@code column} null: a header cell, cyan). */
    private static String coloured(Column column, String cell, Ansi ansi) {
        if (!ansi.enabled()) {
            return cell;
        }
        if (column == null) {
            return ansi.cyan(cell);
        }
        return switch (column) {
            case NAME -> ansi.bold(cell);
            case STATUS -> statusColoured(cell, ansi);
            case HEALTH -> healthColoured(cell, ansi);
            default -> cell;
        };
    }

    /** The name as it addresses the row: {@code api:2} for an instance of an app of several, else the name. */
    public static String shownName(JsonNode app) {
        String of = app.path("instance_of").asText(null);
        return of == null ? app.path("name").asText() : of + ":" + app.path("instance").asInt();
    }

    /** The apps' names, one a line: what {@code jsup list --names} prints for shell completion. */
    public static String names(Iterable<JsonNode> apps) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode app : apps) {
            sb.append(app.path("name").asText()).append('\n');
        }
        return sb.toString();
    }

    /** Longest {@code STATUS=} text of an app's shown in the table; describe shows all of it. */
    static final int NOTIFY_STATUS_WIDTH = 24;
    static final String NOT_READY = "online (not ready)";

    /**
     * The status word, {@code online (not ready)} while an online app waits for its readiness signal,
     * and what the app last said with {@code STATUS=} after a colon.
     */
    static String status(JsonNode app) {
        String status = app.path("status").asText();
        if ("online".equals(status) && app.path("ready").isBoolean() && !app.path("ready").booleanValue()) {
            status = NOT_READY;
        }
        JsonNode said = app.path("notify_status");
        if (said.isTextual() && !said.textValue().isBlank()) {
            status += ": " + cut(said.textValue().strip(), NOTIFY_STATUS_WIDTH);
        }
        return status;
    }

    /** Coloured by the status word alone: a not-ready app is yellow, as any app on its way up. */
    private static String statusColoured(String cell, Ansi ansi) {
        if (cell.startsWith(NOT_READY)) {
            return ansi.yellow(cell);
        }
        int colon = cell.indexOf(':');
        return colon < 0 ? ansi.status(cell) : ansi.status(cell.substring(0, colon)) + cell.substring(colon);
    }

    /** Drops columns in {@link Column#DROP_ORDER}, then narrows the name, until the table fits. */
    private static void fit(Set<Column> shown, int[] width, int maxWidth, boolean boxed) {
        for (Column drop : Column.DROP_ORDER) {
            if (tableWidth(shown, width, boxed) <= maxWidth) {
                return;
            }
            shown.remove(drop);
        }
        int over = tableWidth(shown, width, boxed) - maxWidth;
        if (over > 0) {
            int name = Column.NAME.ordinal();
            width[name] = Math.max(Math.min(MIN_NAME, width[name]), width[name] - over);
        }
    }

    /** The printed width: cells, plus "│ " … " │ " … " │" when boxed or one space between columns. */
    static int tableWidth(Set<Column> shown, int[] width, boolean boxed) {
        int sum = 0;
        for (Column c : shown) {
            sum += width[c.ordinal()];
        }
        return boxed ? sum + 3 * shown.size() + 1 : sum + shown.size() - 1;
    }

    private static String[] headers() {
        String[] h = new String[Column.values().length];
        for (Column c : Column.values()) {
            h[c.ordinal()] = c.header;
        }
        return h;
    }

    /** The shown cells of a row, each cut with "…" to its column's width. */
    private static String[] project(List<Column> columns, String[] row, int[] width) {
        String[] out = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            out[i] = cut(row[columns.get(i).ordinal()], width[columns.get(i).ordinal()]);
        }
        return out;
    }

    private static String cut(String cell, int width) {
        if (length(cell) <= width) {
            return cell;
        }
        return cell.substring(0, cell.offsetByCodePoints(0, width - 1)) + "…";
    }

    /**
     * The health word as jsupd sends it, {@code -} for a stopped app (no probe runs), and the
     * inotify mark while the app's user is over its ratio.
     */
    static String health(JsonNode app) {
        String word = app.path("health").asText("none");
        if (word.equals("stopped")) {
            word = "-";
        }
        boolean markShown = word.equals("inotify-warning");
        return app.path("inotify_warning").asBoolean() && !markShown ? word + " " + INOTIFY_MARK : word;
    }

    private static String healthColoured(String cell, Ansi ansi) {
        int mark = cell.indexOf(INOTIFY_MARK);
        String word = mark < 0 ? cell : cell.substring(0, mark).stripTrailing();
        String coloured = ansi.health(word);
        return mark < 0 ? coloured : coloured + " " + ansi.yellow(INOTIFY_MARK);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** One line of cells; {@code columns} names the body cells' columns for their colours, null on the header. */
    private static void line(StringBuilder sb, String[] cells, int[] width, String left, String sep,
                             String right, List<Column> columns, Ansi ansi) {
        StringBuilder l = new StringBuilder(left);
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append(sep);
            }
            String cell = cells[c];
            int pad = width[c] - length(cell);
            l.append(coloured(columns == null ? null : columns.get(c), cell, ansi));
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
