package jsup.supervisor.web.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of each app's CPU and memory, for the dashboard's charts: one point per
 * {@link #INTERVAL_SECONDS} in a ring of {@link #POINTS} per app, so an app costs
 * {@link #BYTES_PER_APP} bytes of arrays whatever its age. It exists only while the web listener
 * runs (the dashboard samples it); apps that are gone are dropped at the next sample.
 */
final class UsageHistory {

    static final int INTERVAL_SECONDS = 10;
    static final int POINTS = 360;
    /** Seconds (int), CPU % (float), memory bytes (long) per point. */
    static final int BYTES_PER_APP = POINTS * (4 + 4 + 8);

    /** One sample: when (epoch seconds), CPU % and memory bytes. */
    record Point(long epochSecond, float cpuPercent, long memoryBytes) {
    }

    private static final class Ring {
        final int[] seconds = new int[POINTS];
        final float[] cpu = new float[POINTS];
        final long[] memory = new long[POINTS];
        int next;
        int size;

        void add(long epochSecond, float cpuPercent, long memoryBytes) {
            seconds[next] = (int) epochSecond; // good until 2106 as unsigned; read back with toUnsignedLong
            cpu[next] = cpuPercent;
            memory[next] = memoryBytes;
            next = (next + 1) % POINTS;
            size = Math.min(size + 1, POINTS);
        }

        List<Point> points() {
            List<Point> out = new ArrayList<>(size);
            int first = (next - size + POINTS) % POINTS;
            for (int i = 0; i < size; i++) {
                int k = (first + i) % POINTS;
                out.add(new Point(Integer.toUnsignedLong(seconds[k]), cpu[k], memory[k]));
            }
            return out;
        }
    }

    private final Map<String, Ring> rings = new HashMap<>();

    /** Adds one point per app in {@code sample} (name to point); apps not in it are forgotten. */
    synchronized void record(Map<String, Point> sample) {
        rings.keySet().retainAll(sample.keySet());
        for (Map.Entry<String, Point> e : sample.entrySet()) {
            Point p = e.getValue();
            rings.computeIfAbsent(e.getKey(), k -> new Ring()).add(p.epochSecond(), p.cpuPercent(), p.memoryBytes());
        }
    }

    /** The app's points, oldest first; empty for an app never sampled. */
    synchronized List<Point> of(String app) {
        Ring r = rings.get(app);
        return r == null ? List.of() : r.points();
    }

    synchronized Collection<String> apps() {
        return List.copyOf(rings.keySet());
    }
}
