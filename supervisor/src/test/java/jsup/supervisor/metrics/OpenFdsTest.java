package jsup.supervisor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFdsTest {

    @Test
    void theKernelsCountAndTheListingAgreeForAProcessWhoseDescriptorsDoNotChange() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long pid = sleeper.pid();
            int listed = new OpenFds(Path.of("/proc"), false).of(pid);
            assertThat(listed).isGreaterThanOrEqualTo(3);
            assertThat(OpenFds.system().of(pid)).isEqualTo(listed);
            assertThat(OpenFds.system().ofAll(new int[] {(int) pid, (int) pid})).isEqualTo(2 * listed);
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFolderThatIsNotProcIsListedAndAGoneProcessHasNone(@TempDir Path tmp) throws Exception {
        Path fd = Files.createDirectories(tmp.resolve("42/fd"));
        for (int i = 0; i < 5; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }
        assertThat(new OpenFds(tmp).of(42)).isEqualTo(5);
        assertThat(new OpenFds(tmp).of(43)).isZero();
        assertThat(OpenFds.system().of(Integer.MAX_VALUE)).isZero();
    }
}
