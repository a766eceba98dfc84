package jsup.cli.render;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How the CLI shows a point in time to people ({@code describe}, {@code logs --timestamp},
 * {@code run}): local time with milliseconds, {@code 2026-12-07T15:04:05.123}, like PM2's
 * {@code --time}; with {@code --utc}, ISO-8601 UTC with milliseconds, {@code 2026-12-07T15:04:05.123Z}.
 * JSON output always carries the zone: {@code 2026-12-07T15:04:05.123+01:00} or {@code …Z}.
 */
public final class TimeFormat {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ZoneId zone;
    private final boolean utc;

    private TimeFormat(ZoneId zone, boolean utc) {
        this.zone = zone;
        this.utc = utc;
    }

    /** UTC, ISO-8601 with {@code Z} (the {@code --utc} option). */
    public static TimeFormat utc() {
        return new TimeFormat(ZoneOffset.UTC, true);
    }

    /** Local time in {@code zone}. */
    public static TimeFormat local(ZoneId zone) {
        return new TimeFormat(zone, false);
    }

    /**
     * The format a command uses: UTC when {@code utc}, else local time in the zone of {@code $TZ}
     * when it names one, else the system's.
     */
    public static TimeFormat of(Map<String, String> env, boolean utc) {
        if (utc) {
            return utc();
        }
        String tz = env.get("TZ");
        if (tz != null && !tz.isBlank()) {
            try {
                return local(ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz));
            } catch (DateTimeException e) {
                // A TZ Java cannot read (e.g. a POSIX rule string): the system zone, as the JVM chose it.
            }
        }
        return local(ZoneId.systemDefault());
    }

    /** For people: {@code 2026-12-07T15:04:05.123}, or {@code 2026-12-07T15:04:05.123Z} in UTC. */
    public String format(Instant at) {
        return utc ? WITH_OFFSET.format(at.atOffset(ZoneOffset.UTC)) : LOCAL.format(at.atZone(zone));
    }

    /** For JSON: the same instant with its zone offset, {@code 2026-12-07T15:04:05.123+01:00} or {@code …Z}. */
    public String formatWithOffset(Instant at) {
        return WITH_OFFSET.format(at.atZone(zone));
    }

    /** An ISO-8601 instant from jsupd ({@code 2026-12-07T14:04:05.123456789Z}) reformatted; other text as is. */
    public String reformat(String iso) {
        if (iso == null || iso.isEmpty()) {
            return iso;
        }
        try {
            return format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
