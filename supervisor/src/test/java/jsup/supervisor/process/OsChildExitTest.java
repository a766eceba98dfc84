package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.StartedProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An exit read from the zombie's /proc stat, before the reaper has taken the process. */
class OsChildExitTest {

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    @Test
    void aMainProcessWhoseExitIsKnownIsNotAliveWhileItWaitsToBeReaped() throws Exception {
        // The background child exits once its parent has become `sleep`, which never reaps it: a zombie whose
        // exit status /proc shows, as an app's main process is for a moment before jsupd's reaper wakes. (Had
        // it exited while the parent was still the shell, the shell could have reaped it first.)
        Process parent = processes.start("sh", "-c",
                "p=$$; (while [ \"$(cat /proc/$p/comm)\" != sleep ]; do sleep 0.01; done) & echo $!; exec sleep 30");
        int zombie;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.US_ASCII))) {
            zombie = Integer.parseInt(out.readLine().trim());
        }
        await().atMost(60, SECONDS).until(() -> ProcFs.SYSTEM.zombieWaitStatus(zombie).isPresent());
        long start = ProcFs.SYSTEM.stat(zombie).orElseThrow().startTime();
        Process unreaped = new UnreapedProcess(zombie);
        TrackedTree tree = new TrackedTree(ProcFs.SYSTEM, new ProcessIdentity(zombie, start));

        OsChild child = new OsChild(unreaped, start, tree, new Signaller(ProcFs.SYSTEM),
                CompletableFuture.completedFuture(null), ProcFs.SYSTEM);

        assertThat(child.exited()).as("the exit is read from the zombie").isCompleted();
        assertThat(child.treeAlive()).as("no leftovers to wait for: the run is over").isFalse();
    }

    /** A child this JVM has not reaped yet: alive to {@link Process}, exited to the kernel. */
    private static final class UnreapedProcess extends Process {
        private final int pid;

        UnreapedProcess(int pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public CompletableFuture<Process> onExit() {
            return new CompletableFuture<>();
        }

        @Override
        public int waitFor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int exitValue() {
            throw new IllegalThreadStateException("not reaped");
        }

        @Override
        public void destroy() {
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }
    }
}
