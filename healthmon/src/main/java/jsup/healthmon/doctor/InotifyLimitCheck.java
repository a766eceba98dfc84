package jsup.healthmon.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jsup.healthmon.proc.InotifyLimits;
import jsup.healthmon.proc.InotifyScanner;
import jsup.healthmon.proc.InotifySetting;
import jsup.healthmon.proc.InotifyUsage;
import jsup.healthmon.proc.ProcFs;

/**
 * A user's inotify use against {@code max_user_watches} and {@code max_user_instances}: fails when
 * either is at or above the warning ratio. Fixable with {@link InotifySysctlFix}.
 */
public final class InotifyLimitCheck implements FixableCheck {

    private final ProcFs procFs;
    private final int uid;
    private final double warnRatio;
    private final InotifySysctlFix fix;

    /**
     * @param uid            the user whose processes are counted (the one jsupd runs as)
     * @param warnRatio      e.g. 0.8
     * @param filesystemRoot where the fix writes {@code etc/sysctl.d/...}: {@code /} for real
     */
    public InotifyLimitCheck(ProcFs procFs, int uid, double warnRatio, Path filesystemRoot) {
        this.procFs = procFs;
        this.uid = uid;
        this.warnRatio = warnRatio;
        this.fix = new InotifySysctlFix(filesystemRoot, procFs);
    }

    @Override
    public CheckResult run() {
        InotifyLimits limits = InotifyLimits.read(procFs);
        InotifyUsage use = new InotifyScanner(procFs).usageOfUser(uid);
        String detail = String.format(Locale.ROOT, "uid %d uses %d of %s watches and %d of %s instances",
                uid, use.watches(), limit(limits.maxUserWatches()), use.instances(), limit(limits.maxUserInstances()));
        if (limits.maxUserWatches() == InotifyLimits.UNKNOWN || limits.maxUserInstances() == InotifyLimits.UNKNOWN) {
            return CheckResult.fail("inotify", detail + "; cannot read " + procFs.file("sys/fs/inotify"),
                    "check that " + procFs.file("sys/fs/inotify") + " exists (a Linux kernel with inotify)");
        }
        List<InotifySetting> near = InotifySetting.near(use, limits, warnRatio);
        if (near.isEmpty()) {
            return CheckResult.pass("inotify", detail);
        }
        return CheckResult.fail("inotify", detail + " (" + nouns(near) + " at or above "
                        + Math.round(warnRatio * 100) + "%)",
                "jsup doctor --fix (as root) writes " + fix.file() + " with "
                        + InotifySetting.raisedSettings(near, limits) + " and applies it with sysctl -p");
    }

    /** The limits the user's use has reached the ratio of now: what {@link #fix()} raises. */
    public List<InotifySetting> nearLimits() {
        return InotifySetting.near(new InotifyScanner(procFs).usageOfUser(uid), InotifyLimits.read(procFs), warnRatio);
    }

    @Override
    public FixResult fix() {
        return fix.apply(nearLimits());
    }

    private static String nouns(List<InotifySetting> near) {
        return near.size() == 1 ? near.get(0).noun() : "watches and instances";
    }

    private static String limit(long value) {
        return value == InotifyLimits.UNKNOWN ? "unknown" : Long.toString(value);
    }
}
