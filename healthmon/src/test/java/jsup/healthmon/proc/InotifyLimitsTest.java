package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InotifyLimitsTest {

    /** Regression: sysctl files report size 0 and Files.readString saw only their first byte ("1"). */
    @Test
    void readsTheRealKernelLimitsWhole() throws Exception {
        Path watches = Path.of("/proc/sys/fs/inotify/max_user_watches");
        List<String> lines = Files.readAllLines(watches, StandardCharsets.ISO_8859_1);
        InotifyLimits limits = InotifyLimits.read(ProcFs.SYSTEM);
        assertThat(limits.maxUserWatches()).isEqualTo(Long.parseLong(lines.get(0).trim()));
        assertThat(limits.maxUserWatches()).isGreaterThan(1);
        assertThat(limits.maxUserInstances()).isGreaterThan(1);
    }
}
