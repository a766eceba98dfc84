package jsup.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;

/**
 * The real {@code /proc}, made unreadable on demand as under EMFILE: every full read and every
 * {@code stat} read fails while {@link #unreadable} is set (the best-effort reads then answer "nothing").
 */
public final class UnreadableProcFs extends ProcFs {

    public volatile boolean unreadable;
    /** How many reads failed. */
    public volatile int failures;

    public UnreadableProcFs() {
        super(Path.of("/proc"));
    }

    @Override
    protected List<ProcInfo> readSnapshotOnce() {
        failIfUnreadable("/proc");
        return super.readSnapshotOnce();
    }

    @Override
    public Optional<ProcInfo> readStat(int pid) {
        failIfUnreadable("/proc/" + pid + "/stat");
        return super.readStat(pid);
    }

    @Override
    public Optional<ProcInfo> stat(int pid) {
        return unreadable ? Optional.empty() : super.stat(pid);
    }

    private void failIfUnreadable(String what) {
        if (unreadable) {
            failures++;
            throw new ProcUnreadableException(what, new IOException("Too many open files"));
        }
    }
}
