package jsup.supervisor.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as ecosystem files write them: a number of milliseconds ({@code 1500}, PM2's unit) or a number
 * with a unit, {@code "500ms"}, {@code "10s"}, {@code "1.5s"}, {@code "5m"}, {@code "1h"}.
 */
public final class Durations {

    /** What an error message offers instead of a bad value. */
    public static final String ACCEPTED = "use a number of milliseconds or 500ms, 10s, 1.5s, 5m, 1h";

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * Parses {@code "10s"}, {@code "1500"}, and so on.
     *
     * @throws IllegalArgumentException quoting the text and saying what is accepted
     */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = TEXT.matcher(trimmed);
        if (!m.matches()) {
            String what = trimmed.startsWith("-") ? " is negative" : " is not a duration";
            throw new IllegalArgumentException(Values.quote(text) + what + "; " + ACCEPTED);
        }
        long unit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 1L;
        };
        return ofMillis(text, new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
    }

    /**
     * A JSON number of milliseconds.
     *
     * @throws IllegalArgumentException when negative or not a whole number of milliseconds
     */
    public static Duration ofMillis(BigDecimal millis) {
        if (millis.signum() < 0) {
            throw new IllegalArgumentException(millis.toPlainString() + " is negative; " + ACCEPTED);
        }
        return ofMillis(millis.toPlainString(), millis);
    }

    private static Duration ofMillis(String original, BigDecimal millis) {
        try {
            return Duration.ofMillis(millis.stripTrailingZeros().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(Values.quote(original)
                    + " is not a whole number of milliseconds or is too large; " + ACCEPTED);
        }
    }

    /** The shortest exact form {@link #parse} reads back: {@code "1h"}, {@code "5m"}, {@code "10s"}, {@code "1600ms"}, {@code "0"}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1_000L == 0) {
            return ms / 1_000L + "s";
        }
        return ms + "ms";
    }
}
