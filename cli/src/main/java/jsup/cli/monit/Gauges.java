package jsup.cli.monit;

/** Text gauges for a terminal: a bar of a share, and a sparkline of a series. */
public final class Gauges {

    private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Gauges() {
    }

    /**
     * {@code width} cells, the first {@code share} of them full ({@code █}), the rest light
     * ({@code ░}); a share past 1 fills the bar, a negative one (unknown) leaves it light.
     */
    public static String bar(double share, int width) {
        if (width <= 0) {
            return "";
        }
        int full = share <= 0 ? 0 : (int) Math.min(width, Math.round(share * width));
        if (share > 0 && full == 0) {
            full = 1; // anything above zero shows
        }
        return "█".repeat(full) + "░".repeat(width - full);
    }

    /**
     * The last {@code width} values as one block character each, scaled so that {@code scale} (or the
     * largest value, when that is larger) is a full block; padded with spaces on the left while fewer
     * values have come in. Zero and unknown (negative) values are the lowest block.
     */
    public static String sparkline(double[] values, int width, double scale) {
        if (width <= 0) {
            return "";
        }
        int from = Math.max(0, values.length - width);
        double top = scale;
        for (int i = from; i < values.length; i++) {
            top = Math.max(top, values[i]);
        }
        StringBuilder sb = new StringBuilder(width);
        sb.append(" ".repeat(width - (values.length - from)));
        for (int i = from; i < values.length; i++) {
            double v = Math.max(0, values[i]);
            int level = top <= 0 ? 0 : (int) Math.min(LEVELS.length - 1, Math.floor(v / top * LEVELS.length));
            sb.append(LEVELS[level]);
        }
        return sb.toString();
    }
}
