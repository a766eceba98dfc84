package jsup.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.log.RotatedFiles;
import jsup.supervisor.log.RotatingFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Following a log that jsup's own {@link RotatingFileWriter} rotates several times between two
 * polls: every line is seen once, in order, whether the copies are plain or already gzipped.
 */
class LogFollowerRotationTest {

    private static final int MAX_SIZE = 1024;
    /** 19-byte lines, 53 to a file: 150 lines rotate the file at least twice between two polls. */
    private static final int LINES_PER_POLL = 150;

    @TempDir
    Path dir;

    private int written;

    private void writeLines(RotatingFileWriter writer, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            writer.writeLine(line(written++));
        }
    }

    private static String line(int n) {
        return String.format("line %05d padding", n);
    }

    private static List<String> texts(List<LogLine> lines) {
        List<String> t = new ArrayList<>();
        lines.forEach(l -> t.add(l.text()));
        return t;
    }

    private List<String> expected(int from) {
        List<String> e = new ArrayList<>();
        for (int i = from; i < written; i++) {
            e.add(line(i));
        }
        return e;
    }

    @ParameterizedTest(name = "log_compress {0}")
    @ValueSource(booleans = {false, true})
    void everyLineOnceWhenTheFileRotatesTwiceBetweenPolls(boolean compress) throws IOException {
        Path file = dir.resolve("app-out.log");
        List<String> seen = new ArrayList<>();
        try (RotatingFileWriter writer = new RotatingFileWriter(file, MAX_SIZE, 1000, compress);
             LogFollower follower = new LogFollower(List.of(new LogSource("app", "out", file)), false)) {
            for (int round = 0; round < 20; round++) {
                int copiesBefore = RotatedFiles.list(file).size();
                writeLines(writer, LINES_PER_POLL);
                assertThat(RotatedFiles.list(file).size() - copiesBefore).as("rotations in round %d", round)
                        .isGreaterThanOrEqualTo(2);
                if (compress) {
                    // The file we hold and the ones after it are only known by their .gz now.
                    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> RotatedFiles.list(file).stream()
                            .allMatch(p -> p.getFileName().toString().endsWith(".gz")));
                }
                seen.addAll(texts(follower.poll()));
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected(0));
    }

    @Test
    void copiesRotatedBeforeFollowingStartsAreNotShownAgain() throws IOException {
        Path file = dir.resolve("app-err.log");
        try (RotatingFileWriter writer = new RotatingFileWriter(file, MAX_SIZE, 1000, false)) {
            writeLines(writer, 3 * LINES_PER_POLL);
            assertThat(RotatedFiles.list(file)).hasSizeGreaterThan(2);
            int start = written;
            try (LogFollower follower = new LogFollower(List.of(new LogSource("app", "err", file)), false)) {
                assertThat(follower.poll()).isEmpty();
                writeLines(writer, LINES_PER_POLL);
                assertThat(texts(follower.poll())).containsExactlyElementsOf(expected(start));
            }
        }
    }

    @Test
    void aCopyPrunedBeforeItIsReachedIsSkippedWithoutRepeatingOrReorderingTheRest() throws IOException {
        Path file = dir.resolve("app-out.log");
        List<String> seen = new ArrayList<>();
        try (RotatingFileWriter writer = new RotatingFileWriter(file, MAX_SIZE, 1, false);
             LogFollower follower = new LogFollower(List.of(new LogSource("app", "out", file)), false)) {
            for (int round = 0; round < 5; round++) {
                writeLines(writer, 2 * LINES_PER_POLL);
                seen.addAll(texts(follower.poll()));
            }
        }
        List<String> all = expected(0);
        assertThat(seen).as("in order, none twice").isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
        assertThat(all).containsAll(seen);
        assertThat(seen).as("the newest lines are never lost").endsWith(all.get(all.size() - 1));
        assertThat(seen).hasSizeLessThan(all.size());
    }
}
