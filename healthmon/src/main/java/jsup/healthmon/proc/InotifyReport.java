package jsup.healthmon.proc;

import java.util.Optional;

/**
 * One look at an app's inotify use: its own tree, its user's totals and the limits.
 *
 * @param uid     the effective uid of the app's processes, or -1 when none was running
 * @param app     held by the app's process tree
 * @param user    held by every process of that user
 * @param limits  the kernel's per-user limits
 * @param warning present when the user's use reached the warning ratio
 */
public record InotifyReport(int uid, InotifyUsage app, InotifyUsage user, InotifyLimits limits,
                            Optional<InotifyWarning> warning) {
}
