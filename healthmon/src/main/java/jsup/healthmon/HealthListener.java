package jsup.healthmon;

import jsup.healthmon.proc.InotifyReport;
import jsup.healthmon.proc.InotifyWarning;

/**
 * Receives what the {@link HealthMonitor} sees. Called on the monitor's probe threads, one app at a
 * time per app (never two calls for the same app at once). An exception thrown here is swallowed
 * and does not stop the schedule. jsupd implements this and decides what to do.
 */
public interface HealthListener {

    /** Every finished round, passing or not. */
    void onResult(String app, ProbeRound round);

    /**
     * {@code failures} rounds in a row failed. The monitor keeps probing (the count restarts); it is
     * jsupd's call whether to restart the app ({@link HealthAction#RESTART}) or only log it.
     *
     * @param reason e.g. {@code tcp 127.0.0.1:18789 connection refused (2 in a row)}
     */
    void onThreshold(String app, HealthAction action, String reason, int consecutiveFailures);

    /** The app's inotify picture, after each round when the app's processes are known. */
    default void onInotify(String app, InotifyReport report) {
    }

    /** The app's user reached {@code inotify_warn} of an inotify limit (also in the report). */
    default void onInotifyWarning(String app, InotifyWarning warning) {
    }
}
