package jsup.supervisor.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jsup.healthmon.proc.InotifyReport;

/**
 * What jsupd remembers of each app's health for {@code list} and {@code describe}: the latest probe
 * round, the failure streak, the latest inotify picture and the inotify warning. Thread-safe;
 * written by the health listener, read by command handlers.
 */
final class HealthBook {

    /** One probe's latest result. */
    record Result(Instant at, String probe, boolean ok, Duration latency, String detail) {
    }

    /** The latest inotify report of an app, and when it was read. */
    record Inotify(Instant at, InotifyReport report) {
    }

    /**
     * An app's health as shown to people.
     *
     * @param inotify        the latest inotify report, or null before the first one
     * @param inotifyWarning the warning message while the app's user is over the ratio, else null
     */
    record Entry(List<Result> lastRound, int consecutiveFailures, Inotify inotify, String inotifyWarning) {
        static final Entry EMPTY = new Entry(List.of(), 0, null, null);

        Entry {
            lastRound = List.copyOf(lastRound);
        }

        /**
         * The {@code health} word of the app object; {@code none} (no block) is decided by the caller.
         * A stopped app runs no probe, so it is {@code stopped}, not {@code pending} for ever; a block
         * with only {@code inotify_warn} has no probe result, so it shows the inotify state.
         *
         * @param hasProbes whether the block has a probe (else it only watches inotify)
         * @param running   whether the app has a process
         */
        String summary(boolean hasProbes, boolean running) {
            if (!running) {
                return "stopped";
            }
            if (!hasProbes) {
                if (inotify == null) {
                    return "pending";
                }
                return inotifyWarning == null ? "inotify-ok" : "inotify-warning";
            }
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
        entries.merge(app, new Entry(round, consecutiveFailures, null, null),
                (old, now) -> new Entry(now.lastRound(), now.consecutiveFailures(), old.inotify(),
                        old.inotifyWarning()));
    }

    void recordInotifyReport(String app, Instant at, InotifyReport report) {
        Inotify inotify = new Inotify(at, report);
        entries.merge(app, new Entry(List.of(), 0, inotify, null),
                (old, now) -> new Entry(old.lastRound(), old.consecutiveFailures(), inotify, old.inotifyWarning()));
    }

    void recordInotifyWarning(String app, String warning) {
        entries.merge(app, new Entry(List.of(), 0, null, warning),
                (old, now) -> new Entry(old.lastRound(), old.consecutiveFailures(), old.inotify(), warning));
    }

    /** Drops the streak and results after a (re)start; the inotify numbers and mark stay until the next read. */
    void resetRound(String app) {
        entries.computeIfPresent(app, (k, old) -> new Entry(List.of(), 0, old.inotify(), old.inotifyWarning()));
    }

    void forget(String app) {
        entries.remove(app);
    }
}
