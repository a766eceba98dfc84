package jsup.cli.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How an export carried each key the apps set: {@code mapped} (same behaviour), {@code approximated} (close, with
 * the difference said) or {@code not mapped} (the target has no equivalent; why). Printed on stderr so stdout
 * stays the exported text; {@code --json} prints it as JSON for scripts.
 */
public final class MappingReport {

    /** How one key was carried over. */
    public enum Outcome {
        MAPPED("mapped", "="),
        APPROXIMATED("approximated", "~"),
        NOT_MAPPED("not mapped", "x");

        private final String label;
        private final String mark;

        Outcome(String label, String mark) {
            this.label = label;
            this.mark = mark;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One line of the report.
     *
     * @param app     the app's name
     * @param key     the ecosystem key, e.g. {@code max_memory_restart} or {@code health.http}
     * @param outcome how it was carried over
     * @param to      what it became in the target (e.g. {@code MemoryMax=419430400}), or null when not mapped
     * @param why     the difference or the reason, or null when mapped exactly
     */
    public record Entry(String app, String key, Outcome outcome, String to, String why) {
    }

    private final String target;
    private final List<Entry> entries = new ArrayList<>();

    /** @param target the export's name, e.g. {@code systemd} */
    public MappingReport(String target) {
        this.target = target;
    }

    public void mapped(String app, String key, String to) {
        entries.add(new Entry(app, key, Outcome.MAPPED, to, null));
    }

    public void approximated(String app, String key, String to, String why) {
        entries.add(new Entry(app, key, Outcome.APPROXIMATED, to, why));
    }

    public void notMapped(String app, String key, String why) {
        entries.add(new Entry(app, key, Outcome.NOT_MAPPED, null, why));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The entries of one app and key (tests, and callers that check one key). */
    public List<Entry> of(String app, String key) {
        return entries.stream().filter(e -> e.app().equals(app) && e.key().equals(key)).toList();
    }

    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /**
     * One summary line, then every approximated and not mapped key with its reason (mapped keys only with
     * {@code verbose}), e.g. {@code ~ web  max_memory_restart → MemoryMax=419430400: a cgroup kill …}.
     */
    public void print(PrintWriter err, boolean verbose) {
        err.println("jsup export " + target + ": " + count(Outcome.MAPPED) + " key(s) mapped, "
                + count(Outcome.APPROXIMATED) + " approximated, " + count(Outcome.NOT_MAPPED) + " not mapped"
                + (verbose ? "" : " (--verbose lists the mapped ones too)"));
        int width = entries.stream().mapToInt(e -> e.app().length()).max().orElse(0);
        for (Entry e : entries) {
            if (e.outcome() == Outcome.MAPPED && !verbose) {
                continue;
            }
            StringBuilder line = new StringBuilder("  ").append(e.outcome().mark).append(' ')
                    .append(e.app()).append(" ".repeat(width - e.app().length())).append("  ").append(e.key());
            if (e.to() != null) {
                line.append(" → ").append(e.to());
            }
            if (e.why() != null) {
                line.append(": ").append(e.why());
            }
            err.println(line);
        }
        err.flush();
    }

    /** {@code {"target":"systemd","entries":[{"app","key","outcome","to","why"}…]}}; absent values are left out. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("target", target);
        ArrayNode list = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("app", e.app());
            n.put("key", e.key());
            n.put("outcome", e.outcome().label());
            if (e.to() != null) {
                n.put("to", e.to());
            }
            if (e.why() != null) {
                n.put("why", e.why());
            }
        }
        return root;
    }
}
