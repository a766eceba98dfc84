package jsup.healthmon.proc;

/**
 * The host's figures at one moment, for a person watching it ({@code jsup monit}, later the web
 * dashboard): CPU busy share since the previous reading, memory, load, and the disk that holds
 * {@code $JSUP_HOME}. A figure that could not be read is {@code -1}.
 *
 * @param cpuPercent    busy time of all cores since the previous reading, 0–100 ({@code -1} on the first)
 * @param cores         online cores (what the load is measured against)
 * @param memTotal      bytes ({@code MemTotal})
 * @param memAvailable  bytes the kernel says it could give without swapping ({@code MemAvailable})
 * @param load1         load average over 1 minute ({@code -1} when unreadable); 5 and 15 below
 * @param diskTotal     bytes of the file system that holds the watched path
 * @param diskFree      bytes of it an unprivileged user may still write
 */
public record HostUsage(double cpuPercent, int cores, long memTotal, long memAvailable,
                        double load1, double load5, double load15, long diskTotal, long diskFree) {

    /** Bytes in use: total less available, or -1 when either is unknown. */
    public long memUsed() {
        return memTotal < 0 || memAvailable < 0 ? -1 : memTotal - memAvailable;
    }

    /** Bytes of the disk in use, or -1 when unknown. */
    public long diskUsed() {
        return diskTotal < 0 || diskFree < 0 ? -1 : diskTotal - diskFree;
    }
}
