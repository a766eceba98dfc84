package jsup.supervisor.daemonlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time stamp of a {@code jsupd.log} line, {@code 2026-12-07T18:11:33.405Z} or {@code …405+01:00}:
 * what {@code DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")} writes, by hand. The
 * formatter goes through BigDecimal and a dozen java.time classes for every line; in a fresh jsupd the
 * few lines of each restart paid for running and compiling all of that (measured with
 * bench/restart_cost.py). Years 0–9999 only, as in any log.
 */
final class LogStamp {

    private final ZoneId zone;

    LogStamp(ZoneId zone) {
        this.zone = zone;
    }

    void append(StringBuilder b, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        long local = at.getEpochSecond() + offset.getTotalSeconds();
        long day = Math.floorDiv(local, 86_400);
        int second = (int) Math.floorMod(local, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        pad(b, date.getYear(), 4).append('-');
        pad(b, date.getMonthValue(), 2).append('-');
        pad(b, date.getDayOfMonth(), 2).append('T');
        pad(b, second / 3600, 2).append(':');
        pad(b, second / 60 % 60, 2).append(':');
        pad(b, second % 60, 2).append('.');
        pad(b, at.getNano() / 1_000_000, 3);
        int total = offset.getTotalSeconds();
        if (total == 0) {
            b.append('Z');
            return;
        }
        b.append(total < 0 ? '-' : '+');
        int abs = Math.abs(total);
        pad(b, abs / 3600, 2).append(':');
        pad(b, abs / 60 % 60, 2); // XXX leaves out an offset's seconds
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                b.append('0');
            }
        }
        return b.append(value);
    }
}
