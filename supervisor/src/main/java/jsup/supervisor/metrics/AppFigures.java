package jsup.supervisor.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One app's figures at one moment: what {@code /metrics} exposes and {@code list --json} /
 * {@code describe --json} carry under {@code metrics}, computed once so both say the same.
 *
 * @param name             the app's name
 * @param namespace        its namespace
 * @param id               its id (the {@code instance} label)
 * @param status           its status word ({@code online}, {@code errored}, …)
 * @param up               whether it is online
 * @param restartsByCause  restarts since jsupd started, by {@link RestartCause}; every cause present
 * @param lastRestart      when it was last restarted, or null
 * @param startedAt        when its current run started, or null when no process runs
 * @param memoryBytes      RSS of its whole process tree at the last sample; 0 when not running
 * @param memoryLimitBytes its {@code max_memory_restart}, 0 when none
 * @param cpuSeconds       CPU time of the current run's process tree, in seconds
 * @param threads          threads of its process tree at the last sample
 * @param openFds          open file descriptors of its process tree, read now
 * @param probes           its health probes' latest results
 * @param inotify          the latest inotify picture of its user, or null before the first read
 * @param logBytes         bytes written to its log files since its logs were opened, by stream
 *                         ({@code out}, {@code err})
 * @param logRotations     rotations of its log files since they were opened
 */
public record AppFigures(String name, String namespace, int id, String status, boolean up,
                         Map<String, Long> restartsByCause, Instant lastRestart, Instant startedAt,
                         long memoryBytes, long memoryLimitBytes, double cpuSeconds, int threads, int openFds,
                         List<Probe> probes, Inotify inotify, Map<String, Long> logBytes, long logRotations) {

    public AppFigures {
        restartsByCause = Map.copyOf(restartsByCause);
        probes = List.copyOf(probes);
        logBytes = Map.copyOf(logBytes);
    }

    /** A probe's latest result: whether it passed and how long it took. */
    public record Probe(String probe, boolean ok, double durationSeconds) {
    }

    /** What a user holds of inotify and the kernel's limits ({@code -1} when unreadable). */
    public record Inotify(int uid, long instances, long watches, long maxInstances, long maxWatches) {
    }
}
