package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one walker of a full /proc read, over real processes; and the one environ reader. */
class ProcSnapshotTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killTrees() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** A shell with two sleeping children, the second of which left for a session of its own. */
    private Process treeWithADetachedChild(List<Integer> children) throws IOException {
        Process sh = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; setsid sleep 60 & echo $!; wait")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(sh);
        BufferedReader lines = new BufferedReader(new InputStreamReader(sh.getInputStream(), StandardCharsets.US_ASCII));
        children.add(Integer.parseInt(lines.readLine().strip()));
        children.add(Integer.parseInt(lines.readLine().strip()));
        return sh;
    }

    @Test
    void aTreeHoldsItsRootAndEveryDescendantEvenOneInASessionOfItsOwn() throws IOException {
        List<Integer> children = new ArrayList<>();
        Process sh = treeWithADetachedChild(children);
        ProcessIdentity root = ProcFs.SYSTEM.identity((int) sh.pid()).orElseThrow();

        ProcSnapshot snapshot = ProcSnapshot.read(ProcFs.SYSTEM);
        // Each child is past its fork once its pid was printed; the detached one may still be exec'ing
        // setsid, but it is a child of the shell either way.
        assertThat(snapshot.tree(root)).extracting(ProcInfo::pid)
                .containsExactlyInAnyOrder((int) sh.pid(), children.get(0), children.get(1));
        assertThat(snapshot.tree(root).get(0).pid()).as("parents first").isEqualTo((int) sh.pid());
        assertThat(snapshot.find(root)).isPresent();
    }

    @Test
    void aReusedPidIsNeverWalkedInto() throws IOException {
        Process sh = treeWithADetachedChild(new ArrayList<>());
        ProcessIdentity now = ProcFs.SYSTEM.identity((int) sh.pid()).orElseThrow();
        ProcSnapshot snapshot = ProcSnapshot.read(ProcFs.SYSTEM);

        // What jsupd recorded was an earlier process at this pid: another start time.
        ProcessIdentity earlier = new ProcessIdentity(now.pid(), now.startTime() - 1);
        assertThat(snapshot.find(earlier)).isEmpty();
        assertThat(snapshot.tree(earlier)).as("neither the stranger nor its children").isEmpty();
        ProcessIdentity unknown = new ProcessIdentity(now.pid(), -1);
        assertThat(snapshot.tree(unknown)).as("no start time: never taken for ours").isEmpty();
        assertThat(snapshot.at(now.pid())).isPresent();
    }

    @Test
    void zombiesAreNotMembersAndADeepChainIsWalkedWhole() {
        List<ProcInfo> chain = new ArrayList<>();
        int depth = 50_000; // the quadratic walk this replaces took minutes here
        for (int pid = 2; pid < 2 + depth; pid++) {
            chain.add(new ProcInfo(pid, pid - 1, 2, 2, pid * 10L, 0, 0, 'S', "p"));
        }
        chain.add(new ProcInfo(2 + depth, 2 + depth - 1, 2, 2, 1, 0, 0, 'Z', "z"));
        ProcSnapshot snapshot = ProcSnapshot.of(chain);
        assertThat(snapshot.tree(new ProcessIdentity(2, 20))).hasSize(depth);
    }

    @Test
    void theEnvironmentOfARunningProcessIsReadAndAGoneOneIsEmpty() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().put("JSUP_TEST_MARK", "a=b");
        Process p = builder.start();
        started.add(p);
        assertThat(ProcEnviron.of(ProcFs.SYSTEM, (int) p.pid())).hasValueSatisfying(env ->
                assertThat(env).containsEntry("JSUP_TEST_MARK", "a=b"));

        Path environ = dir.resolve("1234/environ");
        Files.createDirectories(environ.getParent());
        Files.write(environ, "A=1\0B==2\0junk\0".getBytes(StandardCharsets.UTF_8));
        assertThat(ProcEnviron.read(environ)).hasValue(new java.util.TreeMap<>(Map.of("A", "1", "B", "=2")));
        assertThat(ProcEnviron.read(dir.resolve("999/environ"))).as("gone").isEmpty();
    }

    @Test
    void anEnvironThatCannotBeReadIsUnknownNotEmpty() throws IOException {
        Path environ = Files.createDirectories(dir.resolve("1234/environ")); // EISDIR, as EMFILE would fail
        assertThatThrownBy(() -> ProcEnviron.read(environ)).isInstanceOf(ProcUnreadableException.class)
                .hasMessageContaining("1234/environ");
    }
}
