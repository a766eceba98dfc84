package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @Test
    void parsesACommandNameWithSpacesAndParentheses() {
        String line = "4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 300 0 0 0 7 3 0 0 20 0 1 0 "
                + "987654 10000000 250 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ProcInfo info = ProcFs.parseStat(line);
        assertThat(info.pid()).isEqualTo(4242);
        assertThat(info.command()).isEqualTo("my (odd) app");
        assertThat(info.state()).isEqualTo('S');
        assertThat(info.ppid()).isEqualTo(1);
        assertThat(info.pgid()).isEqualTo(4242);
        assertThat(info.sid()).isEqualTo(4242);
        assertThat(info.cpuTicks()).isEqualTo(10);
        assertThat(info.startTime()).isEqualTo(987654);
        assertThat(info.rssBytes()).isEqualTo(250 * 4096L);
    }

    @Test
    void aZombieShowsHowItEndedAndARunningProcessShowsNothing() throws Exception {
        // Each zombie's parent execs into sleep, which never reaps: the children stay zombies meanwhile.
        Process exited = new ProcessBuilder("sh", "-c", "(exit 3) & exec sleep 30").start();
        Process killed = new ProcessBuilder("sh", "-c", "sh -c 'kill -9 $$' & exec sleep 30").start();
        try {
            assertThat(zombieStatusOfChildOf(exited)).isEqualTo(3 << 8);
            assertThat(zombieStatusOfChildOf(killed)).isEqualTo(9);
            assertThat(ProcFs.SYSTEM.zombieWaitStatus((int) exited.pid())).isEmpty();
            assertThat(ProcFs.SYSTEM.zombieWaitStatus(Integer.MAX_VALUE)).isEmpty();
        } finally {
            exited.destroyForcibly();
            killed.destroyForcibly();
        }
    }

    private static int zombieStatusOfChildOf(Process parent) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            Path children = Path.of("/proc", Long.toString(parent.pid()), "task", Long.toString(parent.pid()), "children");
            String list = Files.exists(children) ? Files.readString(children).trim() : "";
            return list.isEmpty() ? null : ProcFs.SYSTEM.zombieWaitStatus(Integer.parseInt(list.split(" ")[0]));
        }, status -> status != null && status.isPresent()).getAsInt();
    }

    @Test
    void readsTheRealProcOfThisJvm() {
        long self = ProcessHandle.current().pid();
        ProcInfo info = ProcFs.SYSTEM.stat((int) self).orElseThrow();
        assertThat(info.pid()).isEqualTo(self);
        assertThat(info.rssBytes()).isPositive();
        assertThat(ProcFs.SYSTEM.snapshot()).extracting(ProcInfo::pid).contains((int) self);
        assertThat(ProcFs.SYSTEM.identity((int) self).orElseThrow().isAlive(ProcFs.SYSTEM)).isTrue();
    }

    @Test
    void aReusedPidIsNotTheSameProcess(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("77"));
        Files.writeString(dir.resolve("stat"), "77 (sh) S 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
                + "5000 0 10 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
        ProcFs proc = new ProcFs(root);
        assertThat(new ProcessIdentity(77, 5000).isAlive(proc)).isTrue();
        assertThat(new ProcessIdentity(77, 4999).isAlive(proc)).isFalse();
        assertThat(new ProcessIdentity(78, 5000).isAlive(proc)).isFalse();
    }
}
