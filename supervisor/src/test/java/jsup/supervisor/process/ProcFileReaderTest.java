package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import org.junit.jupiter.api.Test;

/** The sampler's /proc reads against real processes: same parse as ProcFs, files kept open safely. */
class ProcFileReaderTest {

    @Test
    void statParsesAsProcFsDoesAndChildrenListsTheChildren() throws Exception {
        Process parent = new ProcessBuilder("/bin/sh", "-c", "sleep 30 & wait").start();
        try {
            ProcFileReader reader = new ProcFileReader();
            int pid = (int) parent.pid();
            int[][] children = new int[1][];
            // Until sleep runs: its name is set early in exec, its first resident pages come later.
            org.awaitility.Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> {
                children[0] = reader.children("/proc", pid, pid);
                ProcInfo child = children[0].length == 1 ? reader.stat("/proc", children[0][0]) : null;
                return child != null && child.command().equals("sleep") && child.rssBytes() > 0;
            });
            ProcInfo mine = reader.stat("/proc", children[0][0]);
            ProcInfo theirs = ProcFs.SYSTEM.stat(children[0][0]).orElseThrow();
            assertThat(mine.pid()).isEqualTo(theirs.pid());
            assertThat(mine.ppid()).isEqualTo(pid);
            assertThat(mine.pgid()).isEqualTo(theirs.pgid());
            assertThat(mine.sid()).isEqualTo(theirs.sid());
            assertThat(mine.startTime()).isEqualTo(theirs.startTime());
            assertThat(mine.command()).isEqualTo("sleep");
            assertThat(mine.state()).isEqualTo(theirs.state());
            assertThat(mine.rssBytes()).isPositive();
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void aKeptFileIsReadAfreshAndClosedOnceItsProcessIsGone() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "sleep 30").start();
        int pid = (int) p.pid();
        ProcFileReader reader = ProcFileReader.keepingFilesOpen();
        try {
            assertThat(reader.stat("/proc", pid)).isNotNull();
            assertThat(reader.openFiles()).isEqualTo(1);
            assertThat(reader.stat("/proc", pid).pid()).isEqualTo(pid);
            reader.endPass();
            p.destroyForcibly().waitFor();
            assertThat(reader.stat("/proc", pid)).isNull();
            assertThat(reader.openFiles()).isZero();
            assertThat(reader.stat("/proc", (int) ProcessHandle.current().pid())).isNotNull();
            reader.endPass();
            reader.endPass();
            reader.endPass();
            assertThat(reader.openFiles()).as("unused for two passes").isZero();
        } finally {
            reader.closeAll();
            p.destroyForcibly();
        }
    }
}
