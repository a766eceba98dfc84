package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree membership and usage over a fixture /proc. */
class TrackedTreeTest {

    @TempDir
    Path root;

    /** Writes /proc/<pid>/stat (and an empty children file) like the kernel does. */
    private void proc(int pid, int ppid, int pgid, int sid, long start, long ticks, long rssPages,
                      int... children) throws IOException {
        Path dir = Files.createDirectories(root.resolve(pid + "/task/" + pid));
        Files.writeString(root.resolve(pid + "/stat"), pid + " (p" + pid + ") S " + ppid + " " + pgid + " "
                + sid + " 0 -1 0 0 0 0 0 " + ticks + " 0 0 0 20 0 1 0 " + start + " 0 " + rssPages
                + " 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
        StringBuilder kids = new StringBuilder();
        for (int c : children) {
            kids.append(c).append(' ');
        }
        Files.writeString(dir.resolve("children"), kids.toString());
    }

    private static List<Integer> pids(List<ProcInfo> members) {
        return members.stream().map(ProcInfo::pid).sorted().toList();
    }

    @Test
    void collectFindsDescendantsGroupAndSessionMembersButNotStrangers() throws IOException {
        proc(100, 1, 100, 100, 500, 0, 10, 101);
        proc(101, 100, 100, 100, 510, 0, 10, 102);
        proc(102, 101, 102, 102, 520, 0, 10);      // detached with setsid: found through its parent
        proc(103, 1, 100, 100, 530, 0, 10);        // reparented, still in the group
        proc(200, 1, 200, 200, 540, 0, 10);        // a stranger
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500));
        assertThat(pids(tree.collect())).containsExactly(100, 101, 102, 103);
    }

    @Test
    void anUnreadableProcMakesTheTreeUnknownNeverGone() throws IOException {
        proc(100, 1, 100, 100, 500, 0, 10, 101);
        proc(101, 100, 101, 101, 510, 0, 10);
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500));
        assertThat(pids(tree.collect())).containsExactly(100, 101);
        // The stat file cannot be read while the process exists (a directory here; EMFILE for real).
        Files.delete(root.resolve("101/stat"));
        Files.createDirectory(root.resolve("101/stat"));
        assertThatThrownBy(tree::collect).isInstanceOf(ProcUnreadableException.class)
                .hasMessageContaining("101/stat");
        assertThatThrownBy(tree::liveMembers).isInstanceOf(ProcUnreadableException.class);
        deleteTree(root.resolve("100")); // the main process is gone: only 101 could answer
        assertThatThrownBy(tree::anyAlive).isInstanceOf(ProcUnreadableException.class);

        Files.delete(root.resolve("101/stat"));
        proc(101, 1, 101, 101, 510, 0, 10);
        assertThat(pids(tree.collect())).as("still remembered once /proc reads again").containsExactly(101);
    }

    @Test
    void aMainProcessWithoutAStartTimeNeverAdoptsWhatNowHoldsItsPid() throws IOException {
        proc(100, 1, 100, 100, 500, 0, 10, 101);  // whoever holds pid 100 now, with its group
        proc(101, 100, 100, 100, 510, 0, 10);
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, -1));
        assertThat(tree.collect()).isEmpty();
        assertThat(tree.walk().orElseThrow()).isEmpty();
        assertThat(tree.anyAlive()).isFalse();
    }

    @Test
    void aRememberedDetachedGrandchildIsFoundAfterItsParentsDied() throws IOException {
        proc(100, 1, 100, 100, 500, 0, 10, 101);
        proc(101, 100, 101, 101, 510, 0, 10);
        ProcFs fs = new ProcFs(root);
        TrackedTree tree = new TrackedTree(fs, new ProcessIdentity(100, 500));
        assertThat(pids(tree.collect())).containsExactly(100, 101);
        // 100 dies; 101 (own session) is reparented to init.
        deleteTree(root.resolve("100"));
        proc(101, 1, 101, 101, 510, 0, 10);
        assertThat(pids(tree.collect())).containsExactly(101);
        assertThat(pids(tree.walk().orElseThrow())).containsExactly(101);
    }

    @Test
    void anyAliveFindsAnOrphanOfTheDeadMainProcessAtInitWithoutAFullSnapshot() throws IOException {
        proc(1, 0, 1, 1, 1, 0, 10, 200, 103);
        proc(200, 1, 200, 200, 540, 0, 10);        // a stranger, also a child of init
        proc(100, 1, 100, 100, 500, 0, 10);
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500));
        tree.usage(tree.walk().orElseThrow(), 0);  // the last sample saw only the main process
        deleteTree(root.resolve("100"));           // it dies
        assertThat(tree.anyAlive()).isFalse();

        proc(103, 1, 100, 100, 530, 0, 10);        // forked after the last look, reparented to init
        assertThat(tree.anyAlive()).isTrue();
        assertThat(tree.anyAlive()).isEqualTo(!tree.collect().isEmpty());
    }

    @Test
    void anEmptyGroupOfAReapedMainProcessAnswersWithoutReadingTheReapers() throws IOException {
        proc(1, 0, 1, 1, 1, 0, 10, 200);
        proc(100, 1, 100, 100, 500, 0, 10);
        List<Integer> probed = new java.util.ArrayList<>();
        GroupProbe emptyGroups = pgid -> {
            probed.add(pgid);
            return false;
        };
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500), emptyGroups);
        tree.usage(tree.walk().orElseThrow(), 0);
        deleteTree(root.resolve("100"));           // exits and is reaped
        // Init's children cannot be read, nor one process of the machine: reading them would throw.
        Files.delete(root.resolve("1/task/1/children"));
        Files.createDirectory(root.resolve("1/task/1/children"));
        Files.createDirectories(root.resolve("200/stat"));
        assertThat(tree.anyAlive(true)).isFalse();
        assertThat(probed).containsExactly(100);
        assertThatThrownBy(() -> tree.anyAlive(false)).as("unreaped: the group may be just the zombie")
                .isInstanceOf(ProcUnreadableException.class);

        GroupProbe occupied = pgid -> true;        // a leftover in the group: the reapers are read
        TrackedTree other = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500), occupied);
        assertThatThrownBy(() -> other.anyAlive(true)).isInstanceOf(ProcUnreadableException.class);
    }

    @Test
    void anyAliveFollowsRememberedMembersThatLeftTheSession() throws IOException {
        proc(1, 0, 1, 1, 1, 0, 10);
        proc(100, 1, 100, 100, 500, 0, 10, 101);
        proc(101, 100, 101, 101, 510, 0, 10);      // detached with setsid
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500));
        tree.usage(tree.walk().orElseThrow(), 0);  // a sample remembers both
        deleteTree(root.resolve("100"));
        proc(101, 1, 101, 101, 510, 0, 10);        // reparented, not a child listed by init here
        assertThat(tree.anyAlive()).isTrue();
        proc(101, 1, 101, 101, 999, 0, 10);        // pid 101 reused by another process
        assertThat(tree.anyAlive()).isFalse();
    }

    @Test
    void aThoroughWalkFindsChildrenOfOtherThreadsAndOrphansInTheSessionAsCollectDoes() throws IOException {
        proc(1, 0, 1, 1, 1, 0, 10, 103, 200);
        proc(100, 1, 100, 100, 500, 0, 10);
        Files.createDirectories(root.resolve("100/task/107"));
        Files.writeString(root.resolve("100/task/107/children"), "101 ");   // forked by thread 107
        proc(101, 100, 100, 100, 510, 0, 10);
        proc(103, 1, 100, 100, 530, 0, 10);        // an orphan still in the session
        proc(200, 1, 200, 200, 540, 0, 10);        // a stranger
        ProcFs fs = new ProcFs(root);
        TrackedTree tree = new TrackedTree(fs, new ProcessIdentity(100, 500));
        ProcFileReader reader = new ProcFileReader();

        assertThat(pids(tree.walk(reader, false, List.of()).orElseThrow())).containsExactly(100);
        List<ProcInfo> orphans = TrackedTree.reaperChildren(fs, reader);
        assertThat(pids(tree.walk(reader, true, orphans).orElseThrow()))
                .containsExactly(100, 101, 103)
                .isEqualTo(pids(tree.collect()));
    }

    @Test
    void aReusedPidIsNeitherTheRootNorItsGroup() throws IOException {
        proc(100, 1, 100, 100, 999, 0, 10);        // pid 100 now belongs to someone else
        proc(150, 100, 100, 100, 1000, 0, 10);
        TrackedTree tree = new TrackedTree(new ProcFs(root), new ProcessIdentity(100, 500));
        assertThat(tree.collect()).isEmpty();
        assertThat(tree.walk().orElseThrow()).isEmpty();
    }

    @Test
    void walkFollowsChildrenFilesAndUsageSumsRssAndCpu() throws IOException {
        proc(100, 1, 100, 100, 500, 10, 100, 101);
        proc(101, 100, 100, 100, 510, 20, 50);
        ProcFs fs = new ProcFs(root);
        TrackedTree tree = new TrackedTree(fs, new ProcessIdentity(100, 500));
        TreeUsage first = tree.usage(tree.walk().orElseThrow(), 0);
        assertThat(first.rssBytes()).isEqualTo(150 * 4096L);
        assertThat(first.processes()).isEqualTo(2);
        assertThat(first.cpuPercent()).isZero();
        proc(100, 1, 100, 100, 500, 60, 100, 101);   // +50 ticks
        proc(101, 100, 100, 100, 510, 70, 50);       // +50 ticks
        TreeUsage second = tree.usage(tree.walk().orElseThrow(), 2_000_000_000L);
        // 100 ticks = 1 s of CPU over 2 s of wall time
        assertThat(second.cpuPercent()).isEqualTo(50.0);
    }

    @Test
    void withoutChildrenFilesTheSamplerFallsBackToOneSnapshot() throws IOException {
        proc(100, 1, 100, 100, 500, 0, 100, 101);
        proc(101, 100, 100, 100, 510, 0, 50);
        Files.delete(root.resolve("100/task/100/children"));
        ProcFs fs = new ProcFs(root);
        TrackedTree tree = new TrackedTree(fs, new ProcessIdentity(100, 500));
        TreeUsage usage = new TreeSampler(fs).sample(List.of(tree), 0).get(tree);
        assertThat(usage.processes()).isEqualTo(2);
        assertThat(tree.childrenFileWorks()).isFalse();
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
