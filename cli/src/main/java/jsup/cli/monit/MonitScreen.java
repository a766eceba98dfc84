package jsup.cli.monit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jsup.cli.render.Ansi;
import jsup.healthmon.proc.HostUsage;
import jsup.supervisor.control.HumanUnits;

/**
 * Draws one frame of {@code jsup monit} as exactly {@code height} lines, none wider than
 * {@code width} columns: the host line, the app table, then the selected app's sparklines, last
 * restart reasons and log tails, and a footer with the keys (or the filter being typed). In
 * {@link MonitView.Mode#LOGS} the logs take the whole screen. Pure: same input, same lines.
 */
public final class MonitScreen {

    /** Below this monit says the terminal is too small instead of drawing a broken frame. */
    static final int MIN_WIDTH = 40;
    static final int MIN_HEIGHT = 10;

    static final String KEYS = "↑↓ select  r restart  s stop/start  l logs  / filter  q quit";
    static final String LOG_KEYS = "l/Esc back  ↑↓ other app  q quit";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int REASONS = 3;

    private final Ansi ansi;
    private final ZoneId zone;

    public MonitScreen(Ansi ansi, ZoneId zone) {
        this.ansi = ansi;
        this.zone = zone;
    }

    /** Everything a frame shows besides the view: the host, each app's history, the selected app's logs. */
    public record Inputs(String title, HostUsage host, Map<String, UsageRing> rings, AppLogTail logs) {
    }

    /** The frame: {@code height} lines, each at most {@code width} columns (colour codes aside). */
    public List<String> render(MonitView view, Inputs in, int width, int height) {
        List<String> lines = new ArrayList<>(height);
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            lines.add(ScreenLine.cut("terminal too small (" + width + "x" + height + "); monit needs "
                    + MIN_WIDTH + "x" + MIN_HEIGHT + ". q quits", Math.max(1, width)));
            return fill(lines, height);
        }
        if (view.mode() == MonitView.Mode.LOGS && view.selected().isPresent()) {
            AppRow app = view.selected().get();
            lines.add(new ScreenLine(width).add(" logs · ", ansi::bold).add(app.name(), ansi::bold)
                    .add("  " + app.status(), ansi::status).toString());
            logs(lines, app, in.logs(), width, height - 2);
            lines.add(footer(view, width, LOG_KEYS));
            return fill(lines, height);
        }
        lines.add(new ScreenLine(width).add(" " + in.title(), ansi::bold).toString());
        lines.add(host(in.host(), width));
        List<AppRow> shown = view.shown();
        int budget = height - 3; // title, host, footer
        int rows = Math.min(shown.size(), Math.max(3, budget / 3));
        table(lines, view, shown, rows, width);
        if (shown.isEmpty()) {
            lines.add(ansi.grey(ScreenLine.cut(view.filter().isEmpty()
                    ? " no apps yet; start some: jsup start ecosystem.json"
                    : " no app matches \"" + view.filter() + "\"; Esc clears the filter", width)));
        }
        Optional<AppRow> selected = view.selected();
        int left = height - 1 - lines.size();
        if (selected.isPresent() && left >= 4) {
            details(lines, selected.get(), in, width, left);
        }
        while (lines.size() < height - 1) {
            lines.add("");
        }
        lines.add(footer(view, width, KEYS));
        return lines;
    }

    private String host(HostUsage h, int width) {
        ScreenLine l = new ScreenLine(width).add(" host ", ansi::cyan);
        if (h == null) {
            return l.add(" reading…").toString();
        }
        l.add(" cpu ").add(h.cpuPercent() < 0 ? "…" : HumanUnits.cpu(Math.round(h.cpuPercent() * 10) / 10.0))
                .add(" ").add(Gauges.bar(h.cpuPercent() / 100, 8), shareColour(h.cpuPercent() / 100));
        if (h.memTotal() > 0) {
            double share = (double) h.memUsed() / h.memTotal();
            l.add("  mem ").add(HumanUnits.bytes(h.memUsed()) + "/" + HumanUnits.bytes(h.memTotal()))
                    .add(" ").add(Gauges.bar(share, 8), shareColour(share));
        }
        if (h.load1() >= 0) {
            l.add("  load " + h.load1() + " " + h.load5() + " " + h.load15() + " (" + h.cores() + " cores)");
        }
        if (h.diskTotal() > 0) {
            double share = (double) h.diskUsed() / h.diskTotal();
            l.add("  disk ").add(HumanUnits.bytes(h.diskUsed()) + "/" + HumanUnits.bytes(h.diskTotal()))
                    .add(" ").add(Gauges.bar(share, 8), shareColour(share));
        }
        return l.toString();
    }

    /** The columns shown at {@code width}: the least useful go first when the table is too wide. */
    private static int[] columns(List<AppRow> apps, int width) {
        int name = 4;
        int status = 6;
        boolean caps = false;
        for (AppRow a : apps) {
            name = Math.max(name, ScreenLine.length(a.name()));
            status = Math.max(status, a.status().length());
            caps |= a.maxMemory() > 0;
        }
        name = Math.min(name, 24);
        // marker, id, name, status, pid, uptime, ↺, cpu, mem, bar, health, inotify
        int[] w = {2, 4, name + 1, status + 1, 8, 7, 4, 7, 8, caps ? 15 : 0, 10, 8};
        int[] dropOrder = {9, 4, 5, 1, 11};
        for (int drop : dropOrder) {
            if (sum(w) <= width) {
                break;
            }
            w[drop] = 0;
        }
        if (sum(w) > width) {
            w[2] = Math.max(6, w[2] - (sum(w) - width));
        }
        return w;
    }

    private void table(List<String> lines, MonitView view, List<AppRow> shown, int rows, int width) {
        int[] w = columns(shown, width);
        ScreenLine head = new ScreenLine(width).cell("", w[0]).cell("id", w[1]).cell("name", w[2])
                .cell("status", w[3]).cell("pid", w[4]).cell("uptime", w[5]).cell("↺", w[6]).cell("cpu", w[7])
                .cell("mem", w[8]).cell(w[9] > 0 ? "of max_memory" : "", w[9]).cell("health", w[10])
                .cell("inotify", w[11]);
        lines.add(ansi.cyan(head.toString()));
        int sel = view.selectedIndex();
        int top = Math.max(0, Math.min(sel - rows + 1, shown.size() - rows));
        for (int i = top; i < top + rows && i < shown.size(); i++) {
            AppRow a = shown.get(i);
            boolean isSel = i == sel;
            ScreenLine l = new ScreenLine(width);
            l.cell(isSel ? "›" : "", w[0], ansi::bold).cell(Integer.toString(a.id()), w[1])
                    .cell(a.name(), w[2], isSel ? ansi::bold : UnaryOperator.identity())
                    .cell(a.status(), w[3], s -> ansi.status(s.strip()) + " ".repeat(s.length() - s.strip().length()))
                    .cell(a.pid() > 0 ? Long.toString(a.pid()) : "-", w[4])
                    .cell(a.pid() > 0 ? HumanUnits.uptime(a.uptimeMs()) : "-", w[5])
                    .cell(Integer.toString(a.restartCount()), w[6])
                    .cell(HumanUnits.cpu(a.cpu()), w[7]).cell(HumanUnits.bytes(a.memory()), w[8]);
            if (w[9] > 0) {
                if (a.maxMemory() > 0) {
                    double share = (double) a.memory() / a.maxMemory();
                    l.add(Gauges.bar(share, 6), shareColour(share))
                            .cell(" " + HumanUnits.bytes(a.maxMemory()), w[9] - 6);
                } else {
                    l.cell("", w[9]);
                }
            }
            l.cell(health(a), w[10], s -> ansi.health(s.strip()) + " ".repeat(s.length() - s.strip().length()));
            if (w[11] > 0) {
                String ino = a.inotifyShare() < 0 ? "-" : HumanUnits.cpu(Math.round(a.inotifyShare() * 1000) / 10.0);
                l.cell(a.inotifyWarning() ? ino + " ⚠" : ino, w[11], a.inotifyWarning() ? ansi::yellow : UnaryOperator.identity());
            }
            lines.add(l.toString());
        }
    }

    private static String health(AppRow a) {
        return a.health().equals("stopped") ? "-" : a.health();
    }

    private void details(List<String> lines, AppRow app, Inputs in, int width, int room) {
        lines.add(ansi.cyan(rule(" " + app.name() + " · ↺ " + app.restartCount()
                + (app.pid() > 0 ? " · pid " + app.pid() : "") + " ", width)));
        UsageRing ring = in.rings().get(app.name());
        double[] cpu = ring == null ? new double[0] : ring.cpu();
        double[] mem = ring == null ? new double[0] : ring.memory();
        int spark = Math.max(10, width - 16);
        lines.add(new ScreenLine(width).add(" cpu ", ansi::cyan).add(Gauges.sparkline(cpu, spark, 1), ansi::green)
                .add(" " + HumanUnits.cpu(app.cpu())).toString());
        lines.add(new ScreenLine(width).add(" mem ", ansi::cyan)
                .add(Gauges.sparkline(mem, spark, app.maxMemory() > 0 ? app.maxMemory() : 1), ansi::green)
                .add(" " + HumanUnits.bytes(app.memory())).toString());
        room -= 3;
        int reasons = Math.min(REASONS, app.restarts().size());
        if (room - reasons >= 1) {
            if (app.restarts().isEmpty()) {
                lines.add(ansi.grey(" no restarts yet"));
                room--;
            }
            for (int i = 0; i < reasons; i++) {
                AppRow.Restart r = app.restarts().get(i);
                lines.add(new ScreenLine(width).add(" ↺ " + clock(r.at()) + "  ", ansi::grey).add(r.reason()).toString());
            }
            room -= reasons;
        }
        if (room >= 4) {
            logs(lines, app, in.logs(), width, room);
        }
    }

    /** The out and err tails in {@code room} lines: half each, a header line on each half. */
    private void logs(List<String> lines, AppRow app, AppLogTail logs, int width, int room) {
        int outRoom = room / 2;
        int errRoom = room - outRoom;
        tail(lines, "out", app.outFile(), logs.out(), width, outRoom, UnaryOperator.identity());
        tail(lines, "err", app.errorFile(), logs.err(), width, errRoom, ansi::red);
    }

    private void tail(List<String> lines, String stream, String file, List<String> tail, int width, int room,
                      UnaryOperator<String> style) {
        if (room <= 0) {
            return;
        }
        lines.add(ansi.cyan(rule(" " + stream + " " + (file == null ? "" : file) + " ", width)));
        int n = room - 1;
        List<String> last = tail.subList(Math.max(0, tail.size() - n), tail.size());
        for (String line : last) {
            lines.add(style.apply(ScreenLine.cut(" " + line, width)));
        }
        for (int i = last.size(); i < n; i++) {
            lines.add("");
        }
    }

    private String footer(MonitView view, int width, String keys) {
        ScreenLine l = new ScreenLine(width);
        if (view.mode() == MonitView.Mode.FILTER) {
            return l.add(" / ", ansi::bold).add(view.filter()).add("█").add("   Enter keep  Esc clear", ansi::grey)
                    .toString();
        }
        l.add(" " + keys, ansi::grey);
        if (!view.filter().isEmpty()) {
            l.add("  filter: ", ansi::grey).add(view.filter(), ansi::bold);
        }
        if (!view.message().isEmpty()) {
            l.add("  " + view.message(), ansi::yellow);
        }
        return l.toString();
    }

    private UnaryOperator<String> shareColour(double share) {
        if (share >= 0.9) {
            return ansi::red;
        }
        return share >= 0.7 ? ansi::yellow : ansi::green;
    }

    private String clock(String iso) {
        try {
            return CLOCK.format(Instant.parse(iso).atZone(zone));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String rule(String label, int width) {
        String start = "──" + ScreenLine.cut(label, width - 2);
        return start + "─".repeat(Math.max(0, width - ScreenLine.length(start)));
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    private static List<String> fill(List<String> lines, int height) {
        while (lines.size() < height) {
            lines.add("");
        }
        return lines.subList(0, height);
    }
}
