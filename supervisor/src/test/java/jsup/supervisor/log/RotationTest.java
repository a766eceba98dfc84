package jsup.supervisor.log;

import static jsup.supervisor.log.AppLogCaptureTest.assertNumbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import jsup.supervisor.config.AppSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationTest {

    private static final int MAX = 64 * 1024;
    private static final String WRITE_200K = "awk 'BEGIN { for (i = 1; i <= 200000; i++) print \"line \" i }'";

    @TempDir
    Path dir;

    private final Children children = new Children();
    private AppLog log;

    @AfterEach
    void tearDown() {
        children.close();
        if (log != null) {
            log.close();
        }
    }

    @Test
    void twoHundredThousandLinesThroughRotationLoseNoneAndKeepTheirOrder() throws Exception {
        AppSpec spec = TestApps.app("rot", dir).rotation(MAX, 1000, false).build();
        log = AppLog.open(spec);

        children.sh(log, WRITE_200K).drained().get(30, TimeUnit.SECONDS);

        List<Path> rotated = RotatedFiles.list(spec.outFile());
        assertThat(rotated).hasSizeGreaterThan(20);
        List<String> all = new ArrayList<>();
        for (Path p : rotated) {
            assertThat(p.getFileName().toString()).matches("rot-out__\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(-\\d+)?\\.log");
            byte[] content = Files.readAllBytes(p);
            assertThat(content.length).isLessThanOrEqualTo(MAX);
            assertThat(content[content.length - 1]).as("%s ends on a line boundary", p).isEqualTo((byte) '\n');
            all.addAll(split(content));
        }
        assertThat(Files.size(spec.outFile())).isLessThanOrEqualTo(MAX);
        all.addAll(AppLogCaptureTest.lines(spec.outFile()));
        assertNumbered(all, 1, 200_000);
    }

    @Test
    void rotatedFilesAreGzippedInTheBackgroundWithNothingLost() throws Exception {
        AppSpec spec = TestApps.app("gz", dir).rotation(MAX, 1000, true).build();
        log = AppLog.open(spec);

        children.sh(log, WRITE_200K).drained().get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> RotatedFiles.list(spec.outFile()).stream()
                .allMatch(p -> p.toString().endsWith(".log.gz")));
        List<String> all = new ArrayList<>();
        for (Path p : RotatedFiles.list(spec.outFile())) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                all.addAll(split(in.readAllBytes()));
            }
        }
        all.addAll(AppLogCaptureTest.lines(spec.outFile()));
        assertNumbered(all, 1, 200_000);
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void onlyTheNewestRetainedCopiesAreKept() throws Exception {
        AppSpec spec = TestApps.app("keep", dir).rotation(MAX, 3, false).build();
        log = AppLog.open(spec);

        children.sh(log, WRITE_200K).drained().get(30, TimeUnit.SECONDS);

        List<Path> rotated = RotatedFiles.list(spec.outFile());
        assertThat(rotated).hasSize(3);
        List<String> tail = new ArrayList<>();
        for (Path p : rotated) {
            tail.addAll(split(Files.readAllBytes(p)));
        }
        tail.addAll(AppLogCaptureTest.lines(spec.outFile()));
        int first = AppLogCaptureTest.number(tail.get(0));
        assertNumbered(tail, first, 200_000);
    }

    @Test
    void flushAlsoDeletesTheRotatedCopies() throws Exception {
        AppSpec spec = TestApps.app("fl", dir).rotation(MAX, 100, false).build();
        log = AppLog.open(spec);
        children.sh(log, WRITE_200K).drained().get(30, TimeUnit.SECONDS);
        assertThat(RotatedFiles.list(spec.outFile())).isNotEmpty();

        log.flush();

        assertThat(RotatedFiles.list(spec.outFile())).isEmpty();
        assertThat(Files.size(spec.outFile())).isZero();
        children.sh(log, "echo after").drained().get(10, TimeUnit.SECONDS);
        assertThat(AppLogCaptureTest.lines(spec.outFile())).containsExactly("after");
    }

    @Test
    void aLineLongerThanTheLimitGetsAFileOfItsOwnAndIsNeverSplit() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T11:00:00Z"), ZoneOffset.UTC);
        Path file = dir.resolve("long.log");
        try (RotatingFileWriter w = new RotatingFileWriter(file, 100, 10, false, clock)) {
            byte[] small = "short\n".getBytes(StandardCharsets.US_ASCII);
            byte[] big = ("x".repeat(250) + "\n").getBytes(StandardCharsets.US_ASCII);
            w.write(small, 0, small.length);
            w.write(big, 0, big.length);
            w.write(small, 0, small.length);
            w.flush();
        }

        List<Path> rotated = RotatedFiles.list(file);
        assertThat(rotated).extracting(p -> p.getFileName().toString())
                .containsExactly("long__2026-11-28_11-00-00.log", "long__2026-11-28_11-00-00-1.log");
        assertThat(Files.readString(rotated.get(0))).isEqualTo("short\n");
        assertThat(Files.readString(rotated.get(1))).isEqualTo("x".repeat(250) + "\n");
        assertThat(Files.readString(file)).isEqualTo("short\n");
    }

    @Test
    void aClockSteppedBackStillNamesTheNewestCopyLast() throws IOException {
        Path file = dir.resolve("step.log");
        byte[] line = "0123456789\n".getBytes(StandardCharsets.US_ASCII);
        Clock late = Clock.fixed(Instant.parse("2026-11-28T11:00:00Z"), ZoneOffset.UTC);
        Clock early = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        try (RotatingFileWriter w = new RotatingFileWriter(file, 0, 10, false, late)) {
            w.writeLine("first");
            w.rotate();
        }
        try (RotatingFileWriter w = new RotatingFileWriter(file, 0, 10, false, early)) {
            w.write(line, 0, line.length);
            w.rotate();
        }

        List<Path> rotated = RotatedFiles.list(file);
        assertThat(rotated).extracting(p -> p.getFileName().toString())
                .containsExactly("step__2026-11-28_11-00-00.log", "step__2026-11-28_11-00-00-1.log");
        assertThat(Files.readString(rotated.get(1))).isEqualTo("0123456789\n");
    }

    @Test
    void aFileEndingMidLineIsFinishedBeforeItIsRotated() throws IOException {
        Path file = dir.resolve("mid.log");
        try (RotatingFileWriter w = new RotatingFileWriter(file, 10, 10, false)) {
            byte[] start = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
            byte[] rest = "ijkl\nnext\n".getBytes(StandardCharsets.US_ASCII);
            w.write(start, 0, start.length);
            w.write(rest, 0, rest.length);
            w.flush();
        }

        List<Path> rotated = RotatedFiles.list(file);
        assertThat(rotated).hasSize(1);
        assertThat(Files.readString(rotated.get(0))).isEqualTo("abcdefghijkl\n");
        assertThat(Files.readString(file)).isEqualTo("next\n");
    }

    @Test
    void aDeletedLogFileIsRecreated() throws Exception {
        Path file = dir.resolve("gone.log");
        try (RotatingFileWriter w = new RotatingFileWriter(file, 0, 0, false)) {
            w.writeLine("before");
            Files.delete(file);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                w.writeLine("after");
                return Files.exists(file);
            });
        }
        assertThat(Files.readString(file)).startsWith("after\n");
    }

    @Test
    void aReleasedWriterHoldsNoDescriptorAndPicksUpWhereItLeftOff() throws Exception {
        Path file = dir.resolve("idle.log");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T11:00:00Z"), ZoneOffset.UTC);
        try (RotatingFileWriter w = new RotatingFileWriter(file, 12, 10, false, clock)) {
            byte[] half = "half ".getBytes(StandardCharsets.US_ASCII);
            w.write(half, 0, half.length);
            w.release();
            assertThat(openHere(file)).as("descriptors of this JVM on %s", file).isFalse();

            byte[] rest = "line\nnext\n".getBytes(StandardCharsets.US_ASCII);
            w.write(rest, 0, rest.length); // still mid-line after the reopen: finishes it, then rotates
            w.release();
            w.truncate();
            w.writeLine("t");
            w.release();
            Files.delete(file);
            w.writeLine("d");
        }

        assertThat(RotatedFiles.list(file)).singleElement()
                .satisfies(p -> assertThat(Files.readString(p)).isEqualTo("half line\n"));
        assertThat(Files.readString(file)).isEqualTo("d\n");
    }

    @Test
    void aQuietAppsLogFilesAreClosedUntilItWritesAgain() throws Exception {
        AppSpec spec = TestApps.app("quiet", dir).logFile(dir.resolve("quiet.log")).build();
        log = AppLog.open(spec);
        Path go = dir.resolve("go");
        var done = children.sh(log, "echo one; echo err one >&2; while [ ! -e '" + go + "' ]; do sleep 0.02; done;"
                + " echo two; echo err two >&2").drained();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(spec.outFile()).equals("one\n"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !openHere(spec.outFile()) && !openHere(spec.errorFile())
                && !openHere(spec.logFile()));
        Files.createFile(go);
        done.get(10, TimeUnit.SECONDS);

        assertThat(Files.readString(spec.outFile())).isEqualTo("one\ntwo\n");
        assertThat(Files.readString(spec.errorFile())).isEqualTo("err one\nerr two\n");
        assertThat(Files.readAllLines(spec.logFile())).containsExactlyInAnyOrder("one", "two", "err one", "err two");
    }

    /** Whether this JVM has {@code file} open. */
    private static boolean openHere(Path file) throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file.toAbsolutePath());
                } catch (IOException e) {
                    return false; // closed while we looked
                }
            });
        }
    }

    private static List<String> split(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return new ArrayList<>(Arrays.asList(s.substring(0, s.length() - 1).split("\n", -1)));
    }

}
