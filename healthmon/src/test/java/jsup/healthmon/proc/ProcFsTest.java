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
