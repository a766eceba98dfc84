package jsup.supervisor.control;

/** Human units as {@code pm2 ls} shows them: uptime {@code 42s/5m/3h/2D}, memory {@code 70.1M}. Shared by the
 *  {@code jsup} command and the gateway's {@code /status}, which show the same app JSON to people.
 *  <p>No {@code +} on strings here: {@code jsup list} calls these in a fresh JVM, where each invokedynamic
 *  concatenation's first call spins method-handle classes that no class-data archive keeps (13 of them, about
 *  10 ms of a short command's CPU; docs/benchmarks.md). */
public final class HumanUnits {

    private HumanUnits() {
    }

    /** {@code 0} → {@code 0s}; below a minute seconds, below an hour minutes, below a day hours, else days. */
    public static String uptime(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return suffixed(s, "s");
        }
        if (s < 3600) {
            return suffixed(s / 60, "m");
        }
        if (s < 86_400) {
            return suffixed(s / 3600, "h");
        }
        return suffixed(s / 86_400, "D");
    }

    /** Bytes with one decimal in the largest unit that keeps the number at least 1: {@code 512B}, {@code 70.1M}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return suffixed(bytes, "B");
        }
        String[] units = {"K", "M", "G", "T"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return oneDecimal(v).concat(units[i]);
    }

    /** CPU percent of one core: {@code 0%}, {@code 12.5%}. */
    public static String cpu(double percent) {
        if (percent == Math.rint(percent)) {
            return suffixed((long) percent, "%");
        }
        return oneDecimal(percent).concat("%");
    }

    /** {@code 70.06} → {@code 70.1}, rounding half up. Not String.format: on a fresh JVM its first calls
     *  cost 10-20 ms, which is a fifth of {@code jsup list}'s budget. */
    private static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        return new StringBuilder().append(tenths / 10).append('.').append(tenths % 10).toString();
    }

    private static String suffixed(long n, String unit) {
        return Long.toString(n).concat(unit);
    }
}
