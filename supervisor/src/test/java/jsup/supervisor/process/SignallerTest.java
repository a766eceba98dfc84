package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.StartedProcesses;
import jsup.supervisor.UnreadableProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Who gets a signal: only processes whose identity (pid and start time) /proc confirms, with real children. */
class SignallerTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    private Process sh(String script) throws Exception {
        return processes.start("sh", "-c", script);
    }

    @Test
    void anIdentityWithoutAStartTimeIsNeverSignalled() throws Exception {
        Process p = sh("sleep 30");
        Signaller signaller = new Signaller(ProcFs.SYSTEM);
        assertThat(signaller.send(List.of(new ProcessIdentity((int) p.pid(), -1)), "TERM")).isZero();
        assertThat(p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
        assertThat(signaller.send(List.of(new ProcessIdentity((int) p.pid(), StartedProcesses.startTime(p) + 1)), "KILL")).isZero();
        assertThat(signaller.send(List.of(new ProcessIdentity((int) p.pid(), StartedProcesses.startTime(p))), "TERM")).isEqualTo(1);
        assertThat(p.waitFor(10, SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + 15);
    }

    @Test
    void anySignalGoesThroughTheKillSystemCall() throws Exception {
        Path got = dir.resolve("got");
        Process p = sh("trap 'echo usr1 > " + got + "; exit 0' USR1; while :; do sleep 0.05; done");
        await().atMost(10, SECONDS).until(() -> ProcFs.SYSTEM.stat((int) p.pid()).isPresent());
        assertThat(KillSyscall.available()).isTrue();
        ProcessIdentity identity = new ProcessIdentity((int) p.pid(), StartedProcesses.startTime(p));
        int n = new Signaller(ProcFs.SYSTEM).send(List.of(identity), "USR1");
        assertThat(n).isEqualTo(1);
        await().atMost(10, SECONDS).until(() -> Files.exists(got));
        assertThat(Files.readString(got)).isEqualTo("usr1\n");
    }

    @Test
    void withProcUnreadableAStopStillReachesTheMainProcessThroughItsOwnHandle() throws Exception {
        UnreadableProcFs procFs = new UnreadableProcFs();
        Process p = sh("sleep 30");
        long start = StartedProcesses.startTime(p);
        TrackedTree tree = new TrackedTree(procFs, new ProcessIdentity((int) p.pid(), start));
        OsChild child = new OsChild(p, start, tree, new Signaller(procFs), new CompletableFuture<>(), procFs);
        procFs.unreadable = true;
        assertThat(child.treeAlive()).isTrue();
        assertThat(child.signalTree("TERM")).as("SIGTERM to 1 process, not 0").isEqualTo(1);
        assertThat(p.waitFor(10, SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + 15);
        assertThat(child.treeAlive()).as("unknown, so not gone").isTrue();
        assertThat(procFs.failures).isPositive();
        procFs.unreadable = false;
        assertThat(child.treeAlive()).isFalse();
    }
}
