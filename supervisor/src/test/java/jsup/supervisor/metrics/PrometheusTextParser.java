package jsup.supervisor.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests. The official Java client
 * ({@code io.prometheus:prometheus-metrics-*} 1.x) writes the format but ships no parser (its text
 * parsing lives in Go, in prometheus/common's expfmt), so this one checks what Prometheus's own
 * parser insists on and throws on anything else: every sample's family declared by {@code # TYPE}
 * before its samples, one {@code # TYPE} and {@code # HELP} per family, metric and label names
 * valid, label values properly escaped, values Go floats, counters' samples named {@code _total},
 * no series twice, and the body ending with a newline.
 */
public final class PrometheusTextParser {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One family: its type, help and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusTextParser() {
    }

    public static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the body must end with a newline");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Set<String> series = new HashSet<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + lineNo + " \"" + line + "\": ";
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String family = parts[2];
                    require(NAME.matcher(family).matches(), where + "bad metric name");
                    if (parts[1].equals("TYPE")) {
                        require(parts.length == 4 && TYPES.contains(parts[3]), where + "unknown type");
                        require(types.put(family, parts[3]) == null, where + "second TYPE for " + family);
                        require(!samples.containsKey(family), where + "TYPE after the family's samples");
                    } else {
                        require(helps.put(family, parts.length == 4 ? parts[3] : "") == null,
                                where + "second HELP for " + family);
                    }
                }
                continue; // any other comment is allowed
            }
            Sample s = sample(line, where);
            String family = familyOf(s.name(), types);
            require(family != null, where + "no # TYPE declared for " + s.name());
            if (types.get(family).equals("counter")) {
                require(s.name().equals(family + "_total") || s.name().equals(family + "_created")
                        || s.name().equals(family) && family.endsWith("_total"), where + "a counter sample must be "
                        + "named _total");
            }
            require(series.add(s.name() + new TreeMap<>(s.labels())), where + "series repeated");
            samples.computeIfAbsent(family, f -> new ArrayList<>()).add(s);
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : types.entrySet()) {
            families.put(t.getKey(), new Family(t.getKey(), t.getValue(), helps.get(t.getKey()),
                    samples.getOrDefault(t.getKey(), List.of())));
        }
        return families;
    }

    /** The declared family a sample belongs to: its own name, or its name less a type's suffix. */
    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_total", "_created", "_count", "_sum", "_bucket")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Sample sample(String line, String where) {
        Matcher m = NAME.matcher(line);
        require(m.lookingAt(), where + "no metric name");
        String name = m.group();
        int i = m.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                Matcher l = LABEL.matcher(line).region(i, line.length());
                require(l.lookingAt(), where + "bad label name at column " + (i + 1));
                String label = l.group();
                i = l.end();
                require(line.startsWith("=\"", i), where + "label " + label + " needs =\"value\"");
                i += 2;
                StringBuilder value = new StringBuilder();
                while (true) {
                    require(i < line.length(), where + "unterminated value of " + label);
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = line.charAt(i++);
                        require(e == '\\' || e == '"' || e == 'n', where + "bad escape \\" + e);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, where + "label " + label + " twice");
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    require(line.charAt(i) == '}', where + "expected , or } at column " + (i + 1));
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', where + "expected a space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, where + "expected a value and at most a timestamp");
        double value = goFloat(rest[0], where);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "bad timestamp");
            }
        }
        return new Sample(name, labels, value);
    }

    private static double goFloat(String s, String where) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                require(s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"), where + "bad value " + s);
                return Double.parseDouble(s);
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
