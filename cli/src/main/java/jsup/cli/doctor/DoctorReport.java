package jsup.cli.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jsup.cli.render.Ansi;
import jsup.healthmon.doctor.CheckResult;

/** How findings are shown: a line per check for people, a JSON array for scripts. */
public final class DoctorReport {

    /** A detail longer than this is shortened in the text report (a java holder's command line is huge). */
    static final int MAX_DETAIL = 300;

    private DoctorReport() {
    }

    /**
     * {@code ✓ java   Java 17 at …}, and under each ✗ its {@code fix:} and, after {@code --fix}, what
     * was done; then one summary line.
     */
    public static String text(List<Finding> findings, Marks marks, Ansi ansi) {
        int width = 0;
        for (Finding f : findings) {
            width = Math.max(width, f.result().name().length());
        }
        StringBuilder sb = new StringBuilder();
        int failing = 0;
        for (Finding f : findings) {
            CheckResult r = f.result();
            sb.append(marks.of(r.ok())).append(' ').append(pad(r.name(), width)).append("  ")
                    .append(shorten(r.detail())).append('\n');
            if (!r.ok()) {
                sb.append("    fix: ").append(r.fix()).append('\n');
            }
            if (f.fixed() != null) {
                sb.append("    ").append(f.fixed().ok() ? ansi.green("fixed: ") : ansi.red("not fixed: "))
                        .append(f.fixed().detail()).append('\n');
            }
            if (f.failing()) {
                failing++;
            }
        }
        sb.append(failing == 0
                ? ansi.green("all " + findings.size() + " checks passed")
                : ansi.red(failing + " of " + findings.size() + " checks failed")).append('\n');
        return sb.toString();
    }

    /** {@code [{"name","ok","detail","fix"[,"fixed":{"ok","detail"}]}, …]} */
    public static ArrayNode json(List<Finding> findings) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("name", f.result().name());
            o.put("ok", f.result().ok());
            o.put("detail", f.result().detail());
            o.put("fix", f.result().fix());
            if (f.fixed() != null) {
                o.putObject("fixed").put("ok", f.fixed().ok()).put("detail", f.fixed().detail());
            }
        }
        return array;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Keeps the start (what and who) and the end (which address, why) of an over-long detail. */
    static String shorten(String detail) {
        if (detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int tail = MAX_DETAIL / 3;
        return detail.substring(0, MAX_DETAIL - tail - 5) + " […] " + detail.substring(detail.length() - tail);
    }
}
