package jsup.supervisor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log files are never opened through a symlink, at the first open or at any reopen, and are created 0640. */
class LogFileSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aLogPathThatIsASymlinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path log = Files.createSymbolicLink(dir.resolve("app-out.log"), victim);

        assertThatThrownBy(() -> new RotatingFileWriter(log, 0, 1, false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open log file " + log)
                .hasMessageContaining("it is a symlink, which jsup does not follow");
        assertThat(victim).hasContent("precious");
    }

    @Test
    void aSymlinkSwappedInWhileTheFileWasReleasedIsNotFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path log = dir.resolve("app-out.log");
        try (RotatingFileWriter w = new RotatingFileWriter(log, 0, 1, false)) {
            w.writeLine("one");
            w.release(); // a quiet app: jsupd closes the file and opens it by path again later
            Files.delete(log);
            Files.createSymbolicLink(log, victim);

            assertThatThrownBy(() -> w.writeLine("two")).isInstanceOf(IOException.class)
                    .hasMessageContaining("symlink");
            assertThat(w.takeDropped()).isEqualTo(4);
        }
        assertThat(victim).hasContent("precious");
    }

    @Test
    void aNewLogIsCreatedReadableByItsGroupOnly() throws Exception {
        Path log = dir.resolve("logs/app-out.log");
        try (RotatingFileWriter w = new RotatingFileWriter(log, 0, 1, false)) {
            w.writeLine("hello");
        }
        // rw-r----- less the umask: never readable by others.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).matches("rw-[r-]-----");
        assertThat(log).hasContent("hello");
    }

    @Test
    void aPendingInterruptOfTheWritingThreadLosesNoLineAndKeepsTheFileOpen() throws Exception {
        Path log = dir.resolve("app-out.log");
        try (RotatingFileWriter w = new RotatingFileWriter(log, 0, 1, false)) {
            Thread.currentThread().interrupt();
            try {
                w.writeLine("while interrupted");
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            }
            w.writeLine("after");
        }
        assertThat(log).hasContent("while interrupted\nafter");
    }

    @Test
    void gzipNeverWritesThroughASymlinkPlantedAtItsPartialName() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path log = dir.resolve("app-out.log");
        Path rotated = Files.writeString(RotatedFiles.nameFor(log, Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                "old line\n");
        Files.createSymbolicLink(rotated.resolveSibling(rotated.getFileName() + ".gz.tmp"), victim);

        RotatedFiles.compress(rotated);

        assertThat(victim).hasContent("precious");
        assertThat(rotated.resolveSibling(rotated.getFileName() + ".gz")).exists();
        assertThat(Files.exists(rotated.resolveSibling(rotated.getFileName() + ".gz.tmp"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }
}
