package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostUsageReaderTest {

    @TempDir
    Path proc;

    @Test
    void cpuPercentIsTheBusyShareBetweenTwoReadings() throws IOException {
        write("meminfo", "MemTotal:        8000 kB\nMemFree:  100 kB\nMemAvailable:    2000 kB\n");
        write("loadavg", "0.52 0.41 0.30 1/234 5678\n");
        write("stat", "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 1 1 1 1\n");
        HostUsageReader reader = new HostUsageReader(proc, proc);

        HostUsage first = reader.read();
        assertThat(first.cpuPercent()).isEqualTo(-1);
        assertThat(first.memTotal()).isEqualTo(8000 * 1024L);
        assertThat(first.memUsed()).isEqualTo(6000 * 1024L);
        assertThat(first.load1()).isEqualTo(0.52);
        assertThat(first.load15()).isEqualTo(0.30);
        assertThat(first.diskTotal()).isPositive();

        // 100 more jiffies, 25 of them busy (user 20, iowait 10 counts as idle, system 5)
        write("stat", "cpu  120 0 105 865 10 0 0 0 0 0\n");
        assertThat(reader.read().cpuPercent()).isEqualTo(25.0);
    }

    @Test
    void missingFilesAreUnknownNotErrors() {
        HostUsage u = new HostUsageReader(proc.resolve("nothing"), proc.resolve("nothing")).read();
        assertThat(u.cpuPercent()).isEqualTo(-1);
        assertThat(u.memUsed()).isEqualTo(-1);
        assertThat(u.load1()).isEqualTo(-1);
        assertThat(u.diskUsed()).isEqualTo(-1);
    }

    @Test
    void readsTheRealProc() {
        HostUsageReader reader = HostUsageReader.system(Path.of("/"));
        reader.read();
        HostUsage u = reader.read();
        assertThat(u.memTotal()).isPositive();
        assertThat(u.load1()).isGreaterThanOrEqualTo(0);
        assertThat(u.cores()).isPositive();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(proc.resolve(name), text);
    }
}
