package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.ProcessFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcessTree#terminate} on a tree that is not this JVM's child. */
class ProcessTreeTest {

    @TempDir
    Path dir;

    private List<Path> pidFiles = List.of();

    @AfterEach
    void killLeftovers() {
        ProcessFixtures.killAll(pidFiles);
    }

    @Test
    void terminateStopsAForeignTreeThatIgnoresTerm() throws Exception {
        Path root = dir.resolve("root.pid");
        Path child = dir.resolve("child.pid");
        pidFiles = List.of(root, child);
        // The launcher shell exits at once: the tree below is reparented away from this JVM.
        String tree = "trap '' TERM; echo $$ > " + root + "; "
                + "bash -c \"trap '' TERM; echo \\$\\$ > " + child + "; while :; do sleep 0.1; done\" & "
                + "while :; do sleep 0.1; done";
        Process launcher = new ProcessBuilder("/usr/bin/setsid", "-f", "bash", "-c", tree)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        launcher.waitFor();
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(root) > 0 && ProcessFixtures.pidIn(child) > 0);
        int rootPid = ProcessFixtures.pidIn(root);
        assertThat(ProcessFixtures.stat(rootPid).ppid()).isNotEqualTo((int) ProcessHandle.current().pid());
        ProcessIdentity identity = ProcFs.SYSTEM.identity(rootPid).orElseThrow();

        long begin = System.nanoTime();
        ProcessTree.terminate(ProcFs.SYSTEM, identity, "SIGTERM", Duration.ofMillis(300)).get(60, SECONDS);
        long tookMs = (System.nanoTime() - begin) / 1_000_000;

        assertThat(ProcessFixtures.alive(rootPid)).isFalse();
        assertThat(ProcessFixtures.alive(ProcessFixtures.pidIn(child))).isFalse();
        // Not before the 300 ms grace; the upper bound only says it did not hang (TERM alone never ends the child).
        assertThat(tookMs).isBetween(250L, 30_000L);
    }

    @Test
    void terminateOfAGoneProcessCompletesAtOnce() throws Exception {
        ProcessTree.terminate(ProcFs.SYSTEM, new ProcessIdentity(Integer.MAX_VALUE - 1, 5), "TERM",
                Duration.ofSeconds(5)).get(4, SECONDS);
    }
}
