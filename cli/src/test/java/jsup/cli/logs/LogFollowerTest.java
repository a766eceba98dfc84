package jsup.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {

    @TempDir
    Path dir;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> texts(List<LogLine> lines) {
        List<String> t = new ArrayList<>();
        lines.forEach(l -> t.add(l.text()));
        return t;
    }

    @Test
    void tailReturnsTheLastLinesAcrossBlockBoundaries() throws IOException {
        Path f = dir.resolve("a.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        Files.writeString(f, sb);
        assertThat(LogTail.lastLines(f, 3)).containsExactly("line 4997", "line 4998", "line 4999");
        assertThat(LogTail.lastLines(f, 10_000)).hasSize(5000).startsWith("line 0");
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 3)).isEmpty();
        append(f, "partial");
        assertThat(LogTail.lastLines(f, 2)).containsExactly("line 4999", "partial");
    }

    @Test
    void followsNewLinesOnlyWhenComplete() throws IOException {
        Path f = dir.resolve("a.log");
        append(f, "old\n");
        LogSource s = new LogSource("a", "out", f);
        try (LogFollower follower = new LogFollower(List.of(s), false)) {
            assertThat(follower.startOffset(s)).isEqualTo(4);
            assertThat(follower.poll()).isEmpty();
            append(f, "one\ntw");
            assertThat(texts(follower.poll())).containsExactly("one");
            append(f, "o\r\n");
            assertThat(texts(follower.poll())).containsExactly("two");
        }
    }

    @Test
    void noLineIsLostAcrossRotationByRename() throws IOException {
        Path f = dir.resolve("app-out.log");
        LogSource s = new LogSource("app", "out", f);
        List<String> seen = new ArrayList<>();
        try (LogFollower follower = new LogFollower(List.of(s), false)) {
            int n = 0;
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 100; i++) {
                    append(f, "n" + n++ + "\n");
                }
                seen.addAll(texts(follower.poll()));
                // Rotate: the old file keeps its lines under a new name, a new file starts at the path.
                append(f, "n" + n++ + "\n");
                Files.move(f, dir.resolve("app-out.log." + round));
                append(f, "n" + n++ + "\n");
            }
            seen.addAll(texts(follower.poll()));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add("n" + i);
            }
            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFlushedFileIsReadAgainFromItsStart() throws IOException {
        Path f = dir.resolve("a.log");
        append(f, "before flush\n");
        try (LogFollower follower = new LogFollower(List.of(new LogSource("a", "err", f)), false)) {
            Files.writeString(f, "");
            append(f, "x\n");
            assertThat(texts(follower.poll())).containsExactly("x");
        }
    }

    @Test
    void aFileThatAppearsLaterIsReadFromItsStart() throws IOException {
        Path f = dir.resolve("later.log");
        try (LogFollower follower = new LogFollower(List.of(new LogSource("a", "out", f)), false)) {
            assertThat(follower.poll()).isEmpty();
            append(f, "first\n");
            assertThat(texts(follower.poll())).containsExactly("first");
        }
    }
}
