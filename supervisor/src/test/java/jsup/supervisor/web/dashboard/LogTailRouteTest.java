package jsup.supervisor.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailRouteTest {

    @TempDir
    Path dir;

    @Test
    void aNewViewStartsAtALineWithinTheTailThenTakesCompleteLinesOnly() throws Exception {
        Path log = dir.resolve("out.log");
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < LogTailRoute.TAIL_BYTES * 2; i++) {
            big.append("line ").append(i).append('\n');
        }
        Files.writeString(log, big);
        List<String> lines = new ArrayList<>();
        long at = LogTailRoute.read(log, -1, lines);
        assertThat(at).isEqualTo(Files.size(log));
        assertThat(lines.get(0)).startsWith("line ").doesNotContain("\n");
        assertThat(String.join("\n", lines) + "\n").isEqualTo(big.substring(big.length() - (String.join("\n", lines).length() + 1)));

        Files.writeString(log, "half", StandardOpenOption.APPEND);
        lines.clear();
        assertThat(LogTailRoute.read(log, at, lines)).as("a partial line waits").isEqualTo(at);
        assertThat(lines).isEmpty();
        Files.writeString(log, " done\nnext\n", StandardOpenOption.APPEND);
        at = LogTailRoute.read(log, at, lines);
        assertThat(lines).containsExactly("half done", "next");
        assertThat(at).isEqualTo(Files.size(log));
    }

    @Test
    void aFileThatShrankIsReadFromItsStartAndAMissingOneIsEmpty() throws Exception {
        Path log = dir.resolve("err.log");
        Files.writeString(log, "after rotation\n");
        List<String> lines = new ArrayList<>();
        assertThat(LogTailRoute.read(log, 10_000, lines)).isEqualTo(15);
        assertThat(lines).containsExactly("after rotation");
        assertThat(LogTailRoute.read(dir.resolve("none.log"), 42, lines)).isEqualTo(42);
        assertThat(LogTailRoute.resume("15:7")).containsExactly(15, 7, 0);
        assertThat(LogTailRoute.resume("junk")).containsExactly(-1, -1, 1);
    }
}
