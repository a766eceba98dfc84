package jsup.supervisor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.config.AppSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogCaptureTest {

    @TempDir
    Path dir;

    private final Children children = new Children();
    private AppLog log;
    private AppLog stuck;
    private InputStream stuckReader;

    @AfterEach
    void tearDown() throws IOException {
        children.close();
        if (stuckReader != null) {
            stuckReader.close(); // a write blocked on the FIFO now fails and the pump ends
        }
        for (AppLog l : new AppLog[] {log, stuck}) {
            if (l != null) {
                l.close();
            }
        }
    }

    @Test
    void everyLineOfAFastWriterIsInTheLogInOrderOnceItExits() throws Exception {
        AppSpec spec = TestApps.app("fast", dir).build();
        log = AppLog.open(spec);
        Process p = children.sh("awk 'BEGIN { for (i = 1; i <= 100000; i++) print \"line \" i }'");

        log.capture(p).get(20, TimeUnit.SECONDS);

        assertThat(p.waitFor()).isZero();
        assertNumbered(lines(spec.outFile()), 1, 100_000);
    }

    @Test
    void aLastLineWithoutNewlineIsKeptAndTheNextRunStartsOnAFreshLine() throws Exception {
        AppSpec spec = TestApps.app("partial", dir).build();
        log = AppLog.open(spec);

        log.capture(children.sh("printf 'first\\nno newline at the end'")).get(10, TimeUnit.SECONDS);
        log.capture(children.sh("printf 'second run\\n'")).get(10, TimeUnit.SECONDS);

        assertThat(Files.readString(spec.outFile()))
                .isEqualTo("first\nno newline at the end\nsecond run\n");
    }

    @Test
    void stdoutAndStderrGoToTheirOwnFilesAndBothToTheCombinedOne() throws Exception {
        AppSpec spec = TestApps.app("split", dir).logFile(dir.resolve("split.log")).build();
        log = AppLog.open(spec);

        log.capture(children.sh("for i in 1 2 3; do echo out $i; echo err $i >&2; done")).get(10, TimeUnit.SECONDS);

        assertThat(lines(spec.outFile())).containsExactly("out 1", "out 2", "out 3");
        assertThat(lines(spec.errorFile())).containsExactly("err 1", "err 2", "err 3");
        List<String> combined = lines(spec.logFile());
        assertThat(combined).containsExactlyInAnyOrder("out 1", "out 2", "out 3", "err 1", "err 2", "err 3");
        assertThat(combined.stream().filter(l -> l.startsWith("out"))).containsExactly("out 1", "out 2", "out 3");
        assertThat(combined.stream().filter(l -> l.startsWith("err"))).containsExactly("err 1", "err 2", "err 3");
    }

    @Test
    void theSamePathForOutAndErrorGetsEachLineOnce() throws Exception {
        Path both = dir.resolve("both.log");
        AppSpec spec = TestApps.app("same", dir).outFile(both).errorFile(both).logFile(both).build();
        log = AppLog.open(spec);

        log.capture(children.sh("echo to-out; echo to-err >&2")).get(10, TimeUnit.SECONDS);

        assertThat(lines(both)).containsExactlyInAnyOrder("to-out", "to-err");
    }

    @Test
    void withTimeEachLineStartsWithATimestampInTheDayjsFormat() throws Exception {
        AppSpec spec = TestApps.app("stamped", dir).time("YYYY-MM-DD HH:mm:ss.SSS Z").build();
        log = AppLog.open(spec);
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        log.capture(children.sh("echo alpha; echo beta")).get(10, TimeUnit.SECONDS);

        List<String> lines = lines(spec.outFile());
        assertThat(lines).hasSize(2);
        DateTimeFormatter parse = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS xxx");
        for (int i = 0; i < 2; i++) {
            String line = lines.get(i);
            assertThat(line).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} [+-]\\d{2}:\\d{2}: "
                    + (i == 0 ? "alpha" : "beta"));
            OffsetDateTime stamp = OffsetDateTime.parse(line.substring(0, 30), parse);
            assertThat(stamp).isAfter(before).isBefore(OffsetDateTime.now().plusSeconds(1));
        }
    }

    @Test
    void withTimeAndNoFormatTheStampIsIsoWithOffset() throws Exception {
        AppSpec spec = TestApps.app("iso", dir).time(null).build();
        log = AppLog.open(spec);

        log.capture(children.sh("printf 'x\\ny'")).get(10, TimeUnit.SECONDS);

        List<String> lines = lines(spec.outFile());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(": y");
        OffsetDateTime.parse(lines.get(0).substring(0, lines.get(0).indexOf(": x")));
    }

    @Test
    void flushEmptiesTheLogWhileTheAppKeepsWritingAndLosesNoLaterLine() throws Exception {
        AppSpec spec = TestApps.app("flushed", dir).build();
        log = AppLog.open(spec);
        Path go = dir.resolve("go");
        // Writes numbered lines until told to finish, then 1000 more, so lines land both before and after the flush.
        Process p = children.sh("i=0; while [ ! -e '" + go + "' ]; do i=$((i+1)); echo \"line $i\"; done;"
                + " n=$((i+1000)); while [ $i -lt $n ]; do i=$((i+1)); echo \"line $i\"; done");
        var done = log.capture(p);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(spec.outFile()) > 20_000);

        log.flush();
        Files.createFile(go);
        done.get(20, TimeUnit.SECONDS);

        List<String> lines = lines(spec.outFile());
        assertThat(lines).isNotEmpty();
        int first = number(lines.get(0));
        assertThat(first).isGreaterThan(1);
        assertNumbered(lines, first, first + lines.size() - 1);
        assertThat(lines.size()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void overlappingCapturesOfOneAppKeepEveryLineWholeAndInOrder() throws Exception {
        AppSpec spec = TestApps.app("twice", dir).rotation(64 * 1024, 1000, false).build();
        log = AppLog.open(spec);
        String writer = "awk 'BEGIN { for (i = 1; i <= 50000; i++) print \"%s \" i }'";

        var a = log.capture(children.sh(String.format(writer, "a")));
        var b = log.capture(children.sh(String.format(writer, "b")));
        a.get(20, TimeUnit.SECONDS);
        b.get(20, TimeUnit.SECONDS);

        List<String> all = new java.util.ArrayList<>();
        for (Path p : RotatedFiles.list(spec.outFile())) {
            all.addAll(lines(p));
        }
        all.addAll(lines(spec.outFile()));
        assertThat(all).hasSize(100_000);
        assertThat(all.stream().filter(l -> l.startsWith("a ")).map(AppLogCaptureTest::number))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50_000).boxed().toList());
        assertThat(all.stream().filter(l -> l.startsWith("b ")).map(AppLogCaptureTest::number))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50_000).boxed().toList());
    }

    @Test
    void anAppWhoseLogWriteIsBlockedDoesNotStallAnotherAppsCapture() throws Exception {
        // "stuck" logs into a FIFO whose reader never reads: once the FIFO and the pipe are full, its
        // writes block, as on a hung disk.
        Path fifo = dir.resolve("stuck-out.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileInputStream(fifo.toFile()); // returns once the writer has opened it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AppSpec stuckSpec = TestApps.app("stuck", dir).outFile(fifo).build();
        stuck = AppLog.open(stuckSpec);
        stuckReader = reader.get(10, TimeUnit.SECONDS);
        var stuckDone = stuck.capture(children.sh("awk 'BEGIN { for (i = 1; i <= 20000; i++) print \"line \" i }'"));

        AppSpec spec = TestApps.app("free", dir).build();
        log = AppLog.open(spec);
        log.capture(children.sh("awk 'BEGIN { for (i = 1; i <= 100000; i++) print \"line \" i }'"))
                .get(10, TimeUnit.SECONDS);

        assertNumbered(lines(spec.outFile()), 1, 100_000);
        assertThat(stuckDone).as("the stuck app's capture is still blocked").isNotDone();
        // Unblocked, the stuck app's output arrives whole: nothing was dropped while it waited.
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            // Buffered: FileInputStream.readAllBytes asks for the file's size, which a FIFO has not.
            try (InputStream in = new BufferedInputStream(stuckReader)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        stuckDone.get(10, TimeUnit.SECONDS);
        stuck.close(); // the FIFO's writer closes: the reader sees EOF
        String text = new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertNumbered(List.of(text.split("\n")), 1, 20_000);
    }

    @Test
    void eachCaptureRunsOnNamedDaemonThreads() throws Exception {
        AppSpec spec = TestApps.app("named", dir).build();
        log = AppLog.open(spec);
        Process p = children.sh("echo ready; sleep 30");
        var done = log.capture(p);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(spec.outFile()).contains("ready"));

        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("log-named-")).toList();

        assertThat(threads).extracting(Thread::getName)
                .containsExactlyInAnyOrder("log-named-out", "log-named-err");
        assertThat(threads).allMatch(Thread::isDaemon);
        // The pipes close only when every holder is gone: the sleeping grandchild too.
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void outputThatCannotBeWrittenFailsTheCaptureInsteadOfVanishing() throws Exception {
        AppSpec spec = TestApps.app("late", dir).build();
        log = AppLog.open(spec);
        Path go = dir.resolve("go");
        var done = log.capture(children.sh("while [ ! -e '" + go + "' ]; do sleep 0.02; done; echo too late"));

        log.close();
        Files.createFile(go);

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("9 bytes of late's output could not be written to " + spec.outFile());
    }

    @Test
    void devNullAsOutFileIsWrittenButNeverRotated() throws Exception {
        AppSpec spec = TestApps.app("null", dir).outFile(Path.of("/dev/null")).rotation(100, 2, false).build();
        log = AppLog.open(spec);

        log.capture(children.sh("seq 1 1000; echo kept >&2")).get(10, TimeUnit.SECONDS);

        assertThat(Files.exists(Path.of("/dev/null"))).isTrue();
        assertThat(lines(spec.errorFile())).containsExactly("kept");
    }

    @Test
    void anUnwritableLogPathIsRefusedWithTheFileNamed() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        AppSpec spec = TestApps.app("bad", dir).outFile(blocker.resolve("out.log")).build();

        assertThatThrownBy(() -> AppLog.open(spec))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("bad")
                .hasMessageContaining(blocker.resolve("out.log").toString());
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static int number(String line) {
        return Integer.parseInt(line.substring(line.indexOf(' ') + 1));
    }

    /** Asserts the lines are exactly "line from" … "line to", in order. */
    static void assertNumbered(List<String> lines, int from, int to) {
        assertThat(lines).hasSize(to - from + 1);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("line " + (from + i))) {
                throw new AssertionError("line " + i + " is \"" + lines.get(i) + "\", expected \"line "
                        + (from + i) + "\"");
            }
        }
    }
}
