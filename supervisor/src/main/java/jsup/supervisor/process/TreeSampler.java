package jsup.supervisor.process;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;

/**
 * Samples the trees of every app due in one tick, in one pass. Normally each tree is walked through
 * the {@code children} files of its members' main threads (a handful of reads per app). Every
 * {@value #THOROUGH_EVERY}th pass the walk reads the {@code children} file of every thread and
 * starts also from the reapers' children in the app's group or session (read once for all trees),
 * so members a quick walk cannot reach (a grandchild forked by a non-main thread, an orphan) are
 * found without reading every process on the machine. When the kernel has no {@code children}
 * files, one {@link ProcSnapshot} per pass is shared by all trees.
 */
public final class TreeSampler {

    static final int THOROUGH_EVERY = 30;

    private final ProcFs procFs;
    private final ProcFileReader reader = ProcFileReader.keepingFilesOpen();
    private int passes;

    public TreeSampler(ProcFs procFs) {
        this.procFs = procFs;
    }

    public Map<TrackedTree, TreeUsage> sample(List<TrackedTree> trees, long nowNanos) {
        boolean thorough = ++passes % THOROUGH_EVERY == 0;
        List<ProcInfo> orphans = List.of();
        if (thorough) {
            try {
                orphans = TrackedTree.reaperChildren(procFs, reader);
            } catch (ProcUnreadableException e) {
                orphans = null; // as an unreadable children file: the full read decides
            }
        }
        ProcSnapshot snapshot = null;
        boolean unreadable = false; // once per pass: the retries are not paid again for every tree
        Map<TrackedTree, TreeUsage> usage = new IdentityHashMap<>();
        for (TrackedTree tree : trees) {
            if (unreadable) {
                usage.put(tree, TreeUsage.NONE);
                continue;
            }
            try {
                Optional<List<ProcInfo>> members = orphans == null ? Optional.empty()
                        : tree.walk(reader, thorough, orphans);
                if (members.isEmpty()) {
                    if (snapshot == null) {
                        snapshot = ProcSnapshot.read(procFs);
                    }
                    members = Optional.of(tree.collect(snapshot));
                }
                usage.put(tree, tree.usage(members.get(), nowNanos));
            } catch (ProcUnreadableException e) {
                unreadable = true;
                // Unknown this pass, not empty: the tree keeps the members it remembers, and no memory
                // cap acts on a figure that was never read.
                usage.put(tree, TreeUsage.NONE);
            }
        }
        reader.endPass();
        return usage;
    }

    /** Closes the /proc files kept open between passes. */
    public void close() {
        reader.closeAll();
    }
}
