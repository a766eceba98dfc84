package jsup.supervisor.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSymlinkPlantedAtTheTempNameIsNeverWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path target = dir.resolve("app.pid");
        Files.createSymbolicLink(dir.resolve("app.pid.tmp"), victim);

        AtomicFiles.write(target, "4242\n", AtomicFiles.READABLE_BY_ALL);

        assertThat(victim).hasContent("precious");
        assertThat(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(target).hasContent("4242");
        assertThat(Files.exists(dir.resolve("app.pid.tmp"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theFileGetsTheModeAskedForWhateverItReplaces() throws Exception {
        Path target = Files.writeString(dir.resolve("dump.json"), "{}");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        AtomicFiles.write(target, "{\"apps\":[]}\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(target).hasContent("{\"apps\":[]}");
    }
}
