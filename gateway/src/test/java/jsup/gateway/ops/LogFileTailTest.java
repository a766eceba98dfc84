package jsup.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLinesWithOrWithoutAFinalNewlineAndWithCrLf() throws Exception {
        Path f = dir.resolve("a.log");
        Files.writeString(f, "one\r\ntwo\nthree\n");
        assertThat(LogFileTail.lastLines(f, 2)).containsExactly("two", "three");
        Files.writeString(f, "one\ntwo\nthree");
        assertThat(LogFileTail.lastLines(f, 5)).containsExactly("one", "two", "three");
        assertThat(LogFileTail.lastLines(f, 0)).isEmpty();
    }

    @Test
    void aMissingOrEmptyFileHasNoLines() throws Exception {
        assertThat(LogFileTail.lastLines(dir.resolve("missing.log"), 5)).isEmpty();
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertThat(LogFileTail.lastLines(empty, 5)).isEmpty();
    }

    @Test
    void aLargeFileIsReadOnlyFromItsEndAndThePartialFirstLineIsDropped() throws Exception {
        Path f = dir.resolve("big.log");
        StringBuilder sb = new StringBuilder();
        sb.append("é".repeat(LogFileTail.MAX_BYTES)).append('\n'); // 2 bytes per char: starts mid-line
        for (int i = 1; i <= 3; i++) {
            sb.append("tail ").append(i).append('\n');
        }
        Files.writeString(f, sb);
        assertThat(LogFileTail.lastLines(f, 10)).containsExactly("tail 1", "tail 2", "tail 3");
    }
}
