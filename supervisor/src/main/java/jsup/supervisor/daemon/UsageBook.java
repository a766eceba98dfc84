package jsup.supervisor.daemon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import jsup.supervisor.process.TreeUsage;
import jsup.supervisor.log.LogCounts;
import jsup.supervisor.metrics.RestartCause;

/**
 * What the engine reports of each app's resources and restarts, for {@code /metrics} and
 * {@code list --json}: the latest sample of its process tree and its restarts by cause since jsupd
 * started. Written on the engine thread (cheap puts), read by command handlers and scrapes.
 */
final class UsageBook {

    private final Map<String, TreeUsage> samples = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> restarts = new ConcurrentHashMap<>();
    private final Map<String, LogCounts> logs = new ConcurrentHashMap<>();

    void sampled(String app, TreeUsage usage) {
        samples.put(app, usage);
    }

    /** The app's process is gone (stopped, exited): its last sample no longer describes anything. */
    void ended(String app) {
        samples.remove(app);
    }

    void logOpened(String app, LogCounts counts) {
        logs.put(app, counts);
    }

    /** What the app's logs took in since they were opened; {@link LogCounts#NONE} before. */
    LogCounts logs(String app) {
        return logs.getOrDefault(app, LogCounts.NONE);
    }

    void restarted(String app, String reason) {
        restarts.computeIfAbsent(app, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(RestartCause.of(reason), c -> new LongAdder()).increment();
    }

    /** The app was deleted: a new app of that name starts from nothing. */
    void forget(String app) {
        samples.remove(app);
        restarts.remove(app);
        logs.remove(app);
    }

    /** The latest sample of the app's running tree, or {@link TreeUsage#NONE}. */
    TreeUsage sample(String app) {
        return samples.getOrDefault(app, TreeUsage.NONE);
    }

    /** Restarts by cause, every cause present (0 when none). */
    Map<String, Long> restarts(String app) {
        Map<String, LongAdder> counted = restarts.getOrDefault(app, Map.of());
        Map<String, Long> byCause = new java.util.LinkedHashMap<>();
        for (String cause : RestartCause.ALL) {
            LongAdder n = counted.get(cause);
            byCause.put(cause, n == null ? 0 : n.sum());
        }
        return byCause;
    }
}
