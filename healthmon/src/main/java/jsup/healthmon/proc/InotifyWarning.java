package jsup.healthmon.proc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's inotify use reached the warning ratio of one of its limits.
 *
 * @param uid     the user the kernel charges (effective uid of the app's processes)
 * @param app     what the app's own process tree holds
 * @param user    what all of that user's processes hold
 * @param limits  the kernel limits compared against
 * @param ratio   the configured warning ratio ({@code inotify_warn})
 * @param message one line for logs and {@code jsup describe}, naming the numbers and the fix
 */
public record InotifyWarning(int uid, InotifyUsage app, InotifyUsage user, InotifyLimits limits, double ratio,
                             String message) {

    /**
     * Compares a user's use with the limits. Pure: no {@code /proc} access.
     *
     * @return a warning when watches or instances are at or above {@code ratio} of their limit;
     *         empty when both are below or a limit is unknown
     */
    public static Optional<InotifyWarning> evaluate(int uid, InotifyUsage app, InotifyUsage user,
                                                    InotifyLimits limits, double ratio) {
        List<InotifySetting> near = InotifySetting.near(user, limits, ratio);
        if (near.isEmpty()) {
            return Optional.empty();
        }
        // Name only the limit(s) actually near: a user out of instances must not be told to raise watches.
        String message = String.format(Locale.ROOT,
                "inotify: uid %d holds %d of %d watches (%s) and %d of %d instances (%s), warning at %s; "
                        + "this app holds %d watches in %d instances. Raise the %s limit (jsup doctor --fix writes "
                        + "%s) or stop the process that %s",
                uid, user.watches(), limits.maxUserWatches(), percent(user.watches(), limits.maxUserWatches()),
                user.instances(), limits.maxUserInstances(),
                percent(user.instances(), limits.maxUserInstances()), percent(ratio),
                app.watches(), app.instances(), nouns(near), InotifySetting.raisedSettings(near, limits),
                near.contains(InotifySetting.WATCHES) ? "watches too much" : "opens too many inotify instances");
        return Optional.of(new InotifyWarning(uid, app, user, limits, ratio, message));
    }

    private static String nouns(List<InotifySetting> near) {
        return near.size() == 1 ? near.get(0).noun() : "watches and instances";
    }

    static String percent(long used, long limit) {
        return limit > 0 ? percent((double) used / limit) : "limit unknown";
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
