package jsup.supervisor.config;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates PM2's {@code log_date_format} (dayjs tokens) into a {@link DateTimeFormatter}.
 *
 * <p>Supported tokens: {@code YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm m ss s SSS Z ZZ A};
 * {@code [text]} is literal, as in dayjs. Any other character is copied as is, again as in dayjs.
 */
public final class LogDateFormat {

    /** Used when {@code time} is on and no {@code log_date_format} is given: ISO-8601 with offset. */
    public static final String DEFAULT_JAVA_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSxxx";

    // Longest first, so "YYYY" wins over "YY" and "MMMM" over "MM".
    private static final List<String> TOKENS = List.of(
            "YYYY", "MMMM", "dddd", "SSS", "MMM", "ddd", "YY", "MM", "DD", "HH", "hh", "mm", "ss", "ZZ",
            "M", "D", "H", "h", "m", "s", "Z", "A");
    private static final Map<String, String> JAVA = Map.ofEntries(
            Map.entry("YYYY", "uuuu"), Map.entry("YY", "uu"),
            Map.entry("MMMM", "MMMM"), Map.entry("MMM", "MMM"), Map.entry("MM", "MM"), Map.entry("M", "M"),
            Map.entry("DD", "dd"), Map.entry("D", "d"),
            Map.entry("dddd", "EEEE"), Map.entry("ddd", "EEE"),
            Map.entry("HH", "HH"), Map.entry("H", "H"), Map.entry("hh", "hh"), Map.entry("h", "h"),
            Map.entry("mm", "mm"), Map.entry("m", "m"), Map.entry("ss", "ss"), Map.entry("s", "s"),
            Map.entry("SSS", "SSS"), Map.entry("Z", "xxx"), Map.entry("ZZ", "xx"), Map.entry("A", "a"));

    private LogDateFormat() {
    }

    /**
     * A formatter for a dayjs pattern in the given zone.
     *
     * @param dayjsPattern e.g. {@code YYYY-MM-DD HH:mm:ss Z}; {@code null} or blank for ISO-8601 with offset
     * @throws IllegalArgumentException when the pattern has an unclosed {@code [}
     */
    public static DateTimeFormatter formatter(String dayjsPattern, ZoneId zone) {
        String java = dayjsPattern == null || dayjsPattern.isBlank()
                ? DEFAULT_JAVA_PATTERN : toJavaPattern(dayjsPattern);
        return DateTimeFormatter.ofPattern(java, Locale.ENGLISH).withZone(zone);
    }

    /**
     * Why {@code dayjsPattern} cannot be used, or null when it can (the config loader's check, so a
     * bad pattern is refused when the file loads rather than at the app's launch).
     */
    public static String problem(String dayjsPattern) {
        try {
            formatter(dayjsPattern, ZoneId.of("UTC"));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The {@link DateTimeFormatter} pattern equivalent to a dayjs pattern. */
    public static String toJavaPattern(String dayjs) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < dayjs.length()) {
            char c = dayjs.charAt(i);
            if (c == '[') {
                int close = dayjs.indexOf(']', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("log_date_format \"" + dayjs
                            + "\": '[' at position " + i + " is never closed; write literal text as [text]");
                }
                literal.append(dayjs, i + 1, close);
                i = close + 1;
                continue;
            }
            String token = tokenAt(dayjs, i);
            if (token == null) {
                literal.append(c);
                i++;
                continue;
            }
            flushLiteral(literal, out);
            out.append(JAVA.get(token));
            i += token.length();
        }
        flushLiteral(literal, out);
        return out.toString();
    }

    private static String tokenAt(String s, int i) {
        for (String t : TOKENS) {
            if (s.startsWith(t, i)) {
                return t;
            }
        }
        return null;
    }

    // Everything that is not a token is quoted, so DateTimeFormatter never reads it as a pattern letter.
    private static void flushLiteral(StringBuilder literal, StringBuilder out) {
        if (literal.length() == 0) {
            return;
        }
        out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
        literal.setLength(0);
    }
}
