package jsup.healthmon.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@link HostUsage} from {@code /proc/stat}, {@code /proc/meminfo}, {@code /proc/loadavg} and
 * the file store of one path: three small files and a {@code statvfs} per reading, nothing kept but
 * the previous CPU counters (CPU % is a difference between two readings). Not thread-safe: one
 * reader per watcher.
 */
public final class HostUsageReader {

    private final Path procRoot;
    private final Path disk;
    private long lastBusy = -1;
    private long lastTotal = -1;

    /**
     * @param procRoot {@code /proc}, or a folder of fixture files laid out like it
     * @param disk     a path on the file system whose size and free space to report
     */
    public HostUsageReader(Path procRoot, Path disk) {
        this.procRoot = procRoot;
        this.disk = disk;
    }

    /** A reader of the real {@code /proc} and of the disk that holds {@code disk}. */
    public static HostUsageReader system(Path disk) {
        return new HostUsageReader(Path.of("/proc"), disk);
    }

    /** The figures now; CPU % covers the time since the previous call ({@code -1} on the first). */
    public HostUsage read() {
        long[] cpu = cpuTimes(text("stat"));
        double cpuPercent = -1;
        if (cpu != null) {
            if (lastTotal >= 0 && cpu[1] > lastTotal) {
                cpuPercent = 100.0 * (cpu[0] - lastBusy) / (cpu[1] - lastTotal);
            }
            lastBusy = cpu[0];
            lastTotal = cpu[1];
        }
        String meminfo = text("meminfo");
        double[] load = loadAverages(text("loadavg"));
        long diskTotal = -1;
        long diskFree = -1;
        try {
            FileStore store = Files.getFileStore(disk);
            diskTotal = store.getTotalSpace();
            diskFree = store.getUsableSpace();
        } catch (IOException | SecurityException e) {
            // shown as unknown
        }
        return new HostUsage(cpuPercent, Runtime.getRuntime().availableProcessors(),
                meminfoBytes(meminfo, "MemTotal"), meminfoBytes(meminfo, "MemAvailable"),
                load[0], load[1], load[2], diskTotal, diskFree);
    }

    /**
     * {busy, total} jiffies of the first ({@code cpu}, all cores) line of {@code /proc/stat}; idle and
     * iowait count as not busy. Null when the text has no such line.
     */
    static long[] cpuTimes(String stat) {
        if (stat == null || !stat.startsWith("cpu ")) {
            return null;
        }
        int end = stat.indexOf('\n');
        String[] f = stat.substring(4, end < 0 ? stat.length() : end).trim().split("\\s+");
        if (f.length < 4) {
            return null;
        }
        long total = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal [guest guest_nice, already in user/nice]
        for (int i = 0; i < Math.min(f.length, 8); i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 3 || i == 4) {
                idle += v;
            }
        }
        return new long[] {total - idle, total};
    }

    /** A {@code /proc/meminfo} value in bytes ({@code MemTotal:  8041436 kB}), or -1 when absent. */
    static long meminfoBytes(String meminfo, String key) {
        if (meminfo == null) {
            return -1;
        }
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(key) && line.length() > key.length() && line.charAt(key.length()) == ':') {
                String[] f = line.substring(key.length() + 1).trim().split("\\s+");
                long v = Long.parseLong(f[0]);
                return f.length > 1 && f[1].equalsIgnoreCase("kB") ? v * 1024 : v;
            }
        }
        return -1;
    }

    /** The three load averages of {@code /proc/loadavg}, each -1 when unreadable. */
    static double[] loadAverages(String loadavg) {
        double[] load = {-1, -1, -1};
        if (loadavg != null) {
            String[] f = loadavg.trim().split("\\s+");
            for (int i = 0; i < 3 && i < f.length; i++) {
                try {
                    load[i] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    // stays unknown
                }
            }
        }
        return load;
    }

    private String text(String file) {
        try {
            return Files.readString(procRoot.resolve(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }
}
