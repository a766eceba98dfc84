package jsup.healthmon;

import java.time.Duration;

/** Short durations for people: {@code 5s}, {@code 250ms}, {@code 5m}, {@code 1h30m}. */
public final class DurationText {

    private DurationText() {
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 60 != 0) {
            return s >= 60 ? format(Duration.ofSeconds(s - s % 60)) + (s % 60) + "s" : s + "s";
        }
        long m = s / 60;
        if (m % 60 != 0) {
            return m >= 60 ? (m / 60) + "h" + (m % 60) + "m" : m + "m";
        }
        return (m / 60) + "h";
    }
}
