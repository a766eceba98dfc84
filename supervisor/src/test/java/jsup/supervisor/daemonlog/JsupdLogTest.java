package jsup.supervisor.daemonlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsupdLogTest {

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        JsupdLog.stop();
    }

    @Test
    void placeholdersAreFilledInOrderAndATrailingThrowableAddsItsStackTrace() {
        Instant at = Instant.parse("2026-11-28T13:29:34.938Z");

        String line = JsupdLog.format(at, "INFO ", "jsup-engine", "apps", "[{}] {} -> {}{}",
                new Object[] {"tcp", "online", "launching", " (signal SIGKILL)"});
        String failure = JsupdLog.format(at, "ERROR", "main", "Jsupd", "cannot start",
                new Object[] {new IllegalStateException("socket taken")});
        String extra = JsupdLog.format(at, "WARN ", "main", "Jsupd", "{} and {}", new Object[] {"only one"});

        assertThat(line).matches("2026-11-28T\\d\\d:\\d\\d:34\\.938(Z|[+-]\\d\\d:\\d\\d) INFO  \\[jsup-engine\\] "
                + "apps: \\[tcp\\] online -> launching \\(signal SIGKILL\\)\n");
        assertThat(failure).contains(" ERROR [main] Jsupd: cannot start\njava.lang.IllegalStateException: socket taken\n"
                + "\tat ");
        assertThat(extra).endsWith("Jsupd: only one and {}\n");
    }

    @Test
    void queuedEngineLinesAndDirectLinesAllReachTheFileInTheirOwnOrderByStop() throws IOException {
        Path file = dir.resolve("jsupd.log");
        JsupdLog.configure(file);
        JsupdLog.Logger engine = JsupdLog.engine();
        JsupdLog.Logger direct = JsupdLog.logger(JsupdLogTest.class);

        for (int i = 0; i < 10_000; i++) { // more than the queue holds: the caller waits, nothing is dropped
            engine.info("[app] line {}", i);
        }
        direct.warn("direct {}", "line");
        JsupdLog.stop();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.stream().filter(l -> l.contains(" apps: [app] line ")).map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactlyElementsOf(IntStream.range(0, 10_000).mapToObj(Integer::toString).toList());
        assertThat(lines).anyMatch(l -> l.contains(" WARN  [") && l.endsWith("JsupdLogTest: direct line"));
    }

    @Test
    void pastTenMegabytesTheFileRollsToNumberedCopiesKeepingFive() throws IOException {
        Path file = dir.resolve("jsupd.log");
        JsupdLog.configure(file);
        JsupdLog.Logger log = JsupdLog.logger(JsupdLogTest.class);
        String big = "x".repeat(6 * 1024 * 1024);

        for (int i = 1; i <= 8; i++) {
            log.info("{} {}", i, big);
        }
        JsupdLog.stop();

        assertThat(Files.readString(file)).contains("JsupdLogTest: 8 x");
        for (int copy = 1; copy <= 5; copy++) {
            assertThat(Files.readString(JsupdLog.numbered(file, copy))).contains("JsupdLogTest: " + (8 - copy) + " x");
        }
        assertThat(JsupdLog.numbered(file, 6)).doesNotExist();
    }

    @Test
    void afterStopLinesGoToStderrAndNothingIsWrittenToTheOldFile() throws IOException {
        Path file = dir.resolve("jsupd.log");
        JsupdLog.configure(file);
        JsupdLog.logger(JsupdLogTest.class).info("before stop");
        JsupdLog.stop();

        JsupdLog.logger(JsupdLogTest.class).info("after stop");

        assertThat(Files.readString(file)).contains("before stop").doesNotContain("after stop");
    }
}
