package jsup.supervisor.units;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as ecosystem files write them: a number of bytes or {@code "512K"}, {@code "500M"}, {@code "1G"}.
 * K = 1024 bytes, as in PM2 (its {@code max_memory_restart} pattern {@code ^\d+(G|M|K)?$}); jsup also reads
 * the letters in lower case.
 */
public final class Sizes {

    /** What an error message offers instead of a bad value. */
    public static final String ACCEPTED = "use a number of bytes or 512K, 500M, 1G";

    private static final int QUOTE_MAX = 80;
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([kmg])?");

    private Sizes() {
    }

    /**
     * Parses {@code "500M"}, {@code "1024"}, and so on, into bytes.
     *
     * @throws IllegalArgumentException quoting the text and saying what is accepted
     */
    public static long parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            String what = text.strip().startsWith("-") ? " is negative" : " is not a size";
            throw new IllegalArgumentException(quote(text) + what + "; " + ACCEPTED);
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        try {
            long number = Long.parseLong(m.group(1));
            if (number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quote(text) + " is too large; " + ACCEPTED);
        }
    }

    /** The shortest exact form {@link #parse} reads back: 536870912 gives {@code "512M"}, 1000 gives {@code "1000"}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size is never negative: " + bytes);
        }
        if (bytes == 0) {
            return "0";
        }
        for (String unit : new String[] {"G", "M", "K"}) {
            int shift = switch (unit) {
                case "G" -> 30;
                case "M" -> 20;
                default -> 10;
            };
            if (bytes % (1L << shift) == 0) {
                return (bytes >> shift) + unit;
            }
        }
        return Long.toString(bytes);
    }

    /** The text as a JSON string, shortened as the config's own messages quote values. */
    private static String quote(String text) {
        String quoted = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
        return quoted.length() <= QUOTE_MAX ? quoted : quoted.substring(0, QUOTE_MAX - 3) + "...";
    }
}
