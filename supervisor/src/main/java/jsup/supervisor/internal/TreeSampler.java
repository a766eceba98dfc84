package jsup.supervisor.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;

/**
 * Samples the trees of every app due in one tick, in one pass. Normally each tree is walked through
 * {@code children} files (a handful of reads per app); every {@value #FULL_SNAPSHOT_EVERY}th pass,
 * or when the kernel has no {@code children} files, one {@link ProcFs#snapshot()} is shared by all
 * trees so that members a walk cannot reach (a grandchild forked by a non-main thread) are found.
 */
public final class TreeSampler {

    static final int FULL_SNAPSHOT_EVERY = 30;

    private final ProcFs procFs;
    private final ProcFileReader reader = new ProcFileReader();
    private int passes;

    public TreeSampler(ProcFs procFs) {
        this.procFs = procFs;
    }

    public Map<TrackedTree, TreeUsage> sample(List<TrackedTree> trees, long nowNanos) {
        boolean full = ++passes % FULL_SNAPSHOT_EVERY == 0;
        List<ProcInfo> snapshot = null;
        Map<TrackedTree, TreeUsage> usage = new IdentityHashMap<>();
        for (TrackedTree tree : trees) {
            Optional<List<ProcInfo>> members = full ? Optional.empty() : tree.walk(reader);
            if (members.isEmpty()) {
                if (snapshot == null) {
                    snapshot = procFs.snapshot();
                }
                members = Optional.of(tree.collect(snapshot));
            }
            usage.put(tree, tree.usage(members.get(), nowNanos));
        }
        return usage;
    }
}
