package jsup.healthmon.proc;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Counts inotify instances and watches held by processes, by reading their fd links and fdinfo
 * through a {@link ProcFs}. Only fds linked to {@code anon_inode:inotify} have their fdinfo read, so
 * a scan costs one directory listing plus one readlink per fd of each process looked at.
 *
 * <p>Meant for the health schedule (minutes), not a one-second loop: a user scan visits every
 * process of the machine.
 */
public final class InotifyScanner {

    static final String INOTIFY_LINK = "anon_inode:inotify";

    private final ProcFs procFs;

    public InotifyScanner(ProcFs procFs) {
        this.procFs = procFs;
    }

    /** What one process holds; {@link InotifyUsage#NONE} when it is gone. */
    public InotifyUsage usageOf(int pid) {
        int instances = 0;
        long watches = 0;
        for (Map.Entry<Integer, String> fd : procFs.fdTargets(pid).entrySet()) {
            if (INOTIFY_LINK.equals(fd.getValue())) {
                instances++;
                watches += procFs.fdInfo(pid, fd.getKey()).map(InotifyFdInfoParser::countWatches).orElse(0);
            }
        }
        return new InotifyUsage(instances, watches);
    }

    /** What a set of processes (an app's tree) holds together. */
    public InotifyUsage usageOf(Collection<Integer> pids) {
        InotifyUsage total = InotifyUsage.NONE;
        for (int pid : pids) {
            total = total.plus(usageOf(pid));
        }
        return total;
    }

    /** What every process whose effective uid is {@code uid} holds: the number the kernel limits. */
    public InotifyUsage usageOfUser(int uid) {
        InotifyUsage total = InotifyUsage.NONE;
        for (int pid : procFs.pids()) {
            OptionalInt owner = procFs.effectiveUid(pid);
            if (owner.isPresent() && owner.getAsInt() == uid) {
                total = total.plus(usageOf(pid));
            }
        }
        return total;
    }

    /**
     * The app's use, its user's totals and the limits, with a warning at {@code warnRatio}. The
     * user is the effective uid of the first pid that still runs; with none running the report
     * carries uid -1 and no warning.
     */
    public InotifyReport report(Collection<Integer> appPids, double warnRatio) {
        InotifyLimits limits = InotifyLimits.read(procFs);
        int uid = -1;
        for (int pid : appPids) {
            OptionalInt owner = procFs.effectiveUid(pid);
            if (owner.isPresent()) {
                uid = owner.getAsInt();
                break;
            }
        }
        if (uid < 0) {
            return new InotifyReport(-1, InotifyUsage.NONE, InotifyUsage.NONE, limits, Optional.empty());
        }
        InotifyUsage app = usageOf(appPids);
        InotifyUsage user = usageOfUser(uid);
        return new InotifyReport(uid, app, user, limits, InotifyWarning.evaluate(uid, app, user, limits, warnRatio));
    }
}
