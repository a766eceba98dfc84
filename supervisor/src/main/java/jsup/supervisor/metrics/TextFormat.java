package jsup.supervisor.metrics;

import java.nio.charset.StandardCharsets;

/**
 * A lean writer of the Prometheus text format 0.0.4 into one buffer: families, then their samples,
 * with label sets rendered once by the caller ({@link #labels}) and reused for every sample of an
 * app. A family is written only once it has a sample, as the official client does (an app that never
 * restarted has no {@code last_restart} sample, so no empty family either). Counters are declared
 * and sampled under their {@code _total} name, as the client's 0.0.4 writer does. The official
 * client's model and writer, which built a snapshot object per sample, took 2.5 times the CPU of a
 * warm scrape and 4-5 times that of a cold one (docs/benchmarks.md).
 */
final class TextFormat {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out;
    private String pendingHeader;

    TextFormat(int expectedChars) {
        this.out = new StringBuilder(expectedChars);
    }

    /** Starts a family; its {@code # HELP} and {@code # TYPE} lines are written with its first sample. */
    void family(String name, String type, String help) {
        pendingHeader = "# HELP " + name + " " + escapeHelp(help) + "\n# TYPE " + name + " " + type + "\n";
    }

    /** A sample of the current family; {@code labels} from {@link #labels}, or empty. */
    void sample(String name, String labels, double value) {
        header();
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ');
        value(value);
        out.append('\n');
    }

    /** A sample with one more label after {@code labels}. */
    void sample(String name, String labels, String label, String labelValue, double value) {
        header();
        out.append(name).append('{');
        if (!labels.isEmpty()) {
            out.append(labels).append(',');
        }
        out.append(label).append("=\"");
        escapeLabelValue(labelValue, out);
        out.append("\"} ");
        value(value);
        out.append('\n');
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code a="x",b="y"} for name/value pairs, the values escaped. */
    static String labels(String... namesAndValues) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(namesAndValues[i]).append("=\"");
            escapeLabelValue(namesAndValues[i + 1], b);
            b.append('"');
        }
        return b.toString();
    }

    private void header() {
        if (pendingHeader != null) {
            out.append(pendingHeader);
            pendingHeader = null;
        }
    }

    /** Whole numbers (bytes, counts, Unix seconds) without an exponent; others as Go's parser reads them. */
    private void value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
        } else {
            out.append(v);
        }
    }

    private static void escapeLabelValue(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
    }

    private static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
