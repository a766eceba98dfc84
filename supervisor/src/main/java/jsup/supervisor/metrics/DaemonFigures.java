package jsup.supervisor.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * jsupd's own process, as Prometheus's standard {@code process_*} metrics describe a process.
 *
 * @param startedAt       when jsupd started
 * @param cpuSeconds      user + system CPU time it has used
 * @param residentBytes   its RSS
 * @param virtualBytes    its virtual memory size
 * @param threads         its threads
 * @param openFds         its open file descriptors
 * @param heapUsedBytes   the JVM heap in use
 * @param apps            how many apps it supervises
 */
public record DaemonFigures(Instant startedAt, double cpuSeconds, long residentBytes, long virtualBytes, int threads,
                            int openFds, long heapUsedBytes, int apps) {

    private static final long PAGE_SIZE = 4096;

    /** Reads jsupd's own figures from {@code /proc/self}; fields it cannot read are 0. */
    public static DaemonFigures read(Path proc, Instant startedAt, int apps) {
        double cpu = 0;
        long rss = 0;
        long vsize = 0;
        int threads = 0;
        long self = ProcessHandle.current().pid();
        try {
            String stat = Files.readString(proc.resolve(Long.toString(self)).resolve("stat"));
            // Fields are counted after the command name's closing parenthesis; f[0] is field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            threads = Integer.parseInt(f[17]);
            vsize = Long.parseLong(f[20]);
            rss = Long.parseLong(f[21]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            // Not Linux or /proc hidden: the figures stay 0 rather than failing the scrape.
        }
        Runtime rt = Runtime.getRuntime();
        return new DaemonFigures(startedAt, cpu, rss, vsize, threads, new OpenFds(proc).of(self),
                rt.totalMemory() - rt.freeMemory(), apps);
    }
}
