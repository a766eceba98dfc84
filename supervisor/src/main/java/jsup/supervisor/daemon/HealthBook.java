package jsup.supervisor.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What jsupd remembers of each app's health for {@code list} and {@code describe}: the latest probe
 * round, the failure streak and the inotify warning. Thread-safe; written by the health listener,
 * read by command handlers.
 */
final class HealthBook {

    /** One probe's latest result. */
    record Result(Instant at, String probe, boolean ok, Duration latency, String detail) {
    }

    /** An app's health as shown to people. */
    record Entry(List<Result> lastRound, int consecutiveFailures, String inotifyWarning) {
        static final Entry EMPTY = new Entry(List.of(), 0, null);

        Entry {
            lastRound = List.copyOf(lastRound);
        }

        /** {@code pending}, {@code ok} or {@code failing}; {@code none} is decided by the caller. */
        String summary() {
            if (lastRound.isEmpty()) {
                return "pending";
            }
            return lastRound.stream().allMatch(Result::ok) ? "ok" : "failing";
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Entry get(String app) {
        return entries.getOrDefault(app, Entry.EMPTY);
    }

    void recordRound(String app, List<Result> round, int consecutiveFailures) {
        entries.merge(app, new Entry(round, consecutiveFailures, null),
                (old, now) -> new Entry(now.lastRound(), now.consecutiveFailures(), old.inotifyWarning()));
    }

    void recordInotify(String app, String warning) {
        entries.merge(app, new Entry(List.of(), 0, warning),
                (old, now) -> new Entry(old.lastRound(), old.consecutiveFailures(), warning));
    }

    /** Drops the streak and results after a (re)start; the inotify mark stays until it clears. */
    void resetRound(String app) {
        entries.computeIfPresent(app, (k, old) -> new Entry(List.of(), 0, old.inotifyWarning()));
    }

    void forget(String app) {
        entries.remove(app);
    }
}
