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

    /** The AppLog under test: the shared selector here, pump threads in {@link PumpThreadCaptureTest}. */
    AppLog open(AppSpec spec) {
        return AppLog.open(spec);
    }

    boolean pumpThreads() {
        return false;
    }

    @Test
    void theSelectorIsWhatTheseTestsExercise() {
        // Without sun.nio.ch exported (surefire's argLine), every capture would quietly use threads.
        assertThat(PipeSelector.available()).isTrue();
    }

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
        log = open(spec);
        var run = children.sh(log, "awk 'BEGIN { for (i = 1; i <= 100000; i++) print \"line \" i }'");

        run.drained().get(20, TimeUnit.SECONDS);

        assertThat(run.process().waitFor()).isZero();
        assertNumbered(lines(spec.outFile()), 1, 100_000);
    }

    @Test
    void aLastLineWithoutNewlineIsKeptAndTheNextRunStartsOnAFreshLine() throws Exception {
        AppSpec spec = TestApps.app("partial", dir).build();
        log = open(spec);

        children.sh(log, "printf 'first\\nno newline at the end'").drained().get(10, TimeUnit.SECONDS);
        children.sh(log, "printf 'second run\\n'").drained().get(10, TimeUnit.SECONDS);

        assertThat(Files.readString(spec.outFile()))
                .isEqualTo("first\nno newline at the end\nsecond run\n");
    }

    @Test
    void stdoutAndStderrGoToTheirOwnFilesAndBothToTheCombinedOne() throws Exception {
        AppSpec spec = TestApps.app("split", dir).logFile(dir.resolve("split.log")).build();
        log = open(spec);

        children.sh(log, "for i in 1 2 3; do echo out $i; echo err $i >&2; done").drained().get(10, TimeUnit.SECONDS);

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
        log = open(spec);

        children.sh(log, "echo to-out; echo to-err >&2").drained().get(10, TimeUnit.SECONDS);

        assertThat(lines(both)).containsExactlyInAnyOrder("to-out", "to-err");
    }

    @Test
    void withTimeEachLineStartsWithATimestampInTheDayjsFormat() throws Exception {
        AppSpec spec = TestApps.app("stamped", dir).time("YYYY-MM-DD HH:mm:ss.SSS Z").build();
        log = open(spec);
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        children.sh(log, "echo alpha; echo beta").drained().get(10, TimeUnit.SECONDS);

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
        log = open(spec);

        children.sh(log, "printf 'x\\ny'").drained().get(10, TimeUnit.SECONDS);

        List<String> lines = lines(spec.outFile());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(": y");
        OffsetDateTime.parse(lines.get(0).substring(0, lines.get(0).indexOf(": x")));
    }

    @Test
    void flushEmptiesTheLogWhileTheAppKeepsWritingAndLosesNoLaterLine() throws Exception {
        AppSpec spec = TestApps.app("flushed", dir).build();
        log = open(spec);
        Path go = dir.resolve("go");
        // Writes numbered lines until told to finish, then 1000 more, so lines land both before and after the flush.
        var done = children.sh(log, "i=0; while [ ! -e '" + go + "' ]; do i=$((i+1)); echo \"line $i\"; done;"
                + " n=$((i+1000)); while [ $i -lt $n ]; do i=$((i+1)); echo \"line $i\"; done").drained();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.size(spec.outFile()) > 20_000);

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
        log = open(spec);
        String writer = "awk 'BEGIN { for (i = 1; i <= 50000; i++) print \"%s \" i }'";

        var a = children.sh(log, String.format(writer, "a")).drained();
        var b = children.sh(log, String.format(writer, "b")).drained();
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
    void manyAppsWritingAtOnceEachGetEveryLineWholeInTheirOwnFiles() throws Exception {
        int apps = 24;
        List<AppLog> logs = new java.util.ArrayList<>();
        List<AppSpec> specs = new java.util.ArrayList<>();
        List<CompletableFuture<Void>> runs = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < apps; i++) {
                AppSpec spec = TestApps.app("many" + i, dir).build();
                AppLog l = open(spec);
                specs.add(spec);
                logs.add(l);
                // Lines longer than a pipe's atomic write, on both pipes, so cuts between reads are exercised.
                runs.add(children.sh(l, "awk 'BEGIN { pad = sprintf(\"%6000s\", \"\"); for (i = 1; i <= 300; i++) {"
                        + " print \"line \" i \" \" pad; print \"line \" i > \"/dev/stderr\" } }'").drained());
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (AppSpec spec : specs) {
                List<String> out = lines(spec.outFile());
                assertThat(out).allMatch(l -> l.length() == l.strip().length() + 6001);
                assertNumbered(out.stream().map(String::strip).toList(), 1, 300);
                assertNumbered(lines(spec.errorFile()), 1, 300);
            }
        } finally {
            logs.forEach(AppLog::close);
        }
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
        var stuckDone = children.sh(stuck, "awk 'BEGIN { for (i = 1; i <= 20000; i++) print \"line \" i }'").drained();

        AppSpec spec = TestApps.app("free", dir).build();
        log = open(spec);
        children.sh(log, "awk 'BEGIN { for (i = 1; i <= 100000; i++) print \"line \" i }'").drained()
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
    void captureThreadsAreDaemonsAndOnlyPumpsCostAThreadPerApp() throws Exception {
        AppSpec spec = TestApps.app("named", dir).build();
        log = open(spec);
        var run = children.sh(log, "echo ready; sleep 30");
        Process p = run.process();
        var done = run.drained();
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(spec.outFile()).contains("ready"));

        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("log-")).toList();

        if (pumpThreads()) {
            assertThat(threads).extracting(Thread::getName).contains("log-named-out", "log-named-err");
        } else {
            assertThat(threads).extracting(Thread::getName).contains("log-selector")
                    .noneMatch(name -> name.startsWith("log-named-"));
        }
        assertThat(threads).allMatch(Thread::isDaemon);
        // The pipes close only when every holder is gone: the sleeping grandchild too.
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        // Only the signal: Process.destroyForcibly() also closes the JDK's streams, under a pump still reading
        // them ("Stream closed"), which jsupd never does.
        p.toHandle().destroyForcibly();
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void outputThatCannotBeWrittenFailsTheCaptureInsteadOfVanishing() throws Exception {
        AppSpec spec = TestApps.app("late", dir).build();
        log = open(spec);
        Path go = dir.resolve("go");
        var done = children.sh(log, "while [ ! -e '" + go + "' ]; do sleep 0.02; done; echo too late").drained();

        log.close();
        Files.createFile(go);

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("9 bytes of late's output could not be written to " + spec.outFile());
    }

    @Test
    void devNullAsOutFileIsWrittenButNeverRotated() throws Exception {
        AppSpec spec = TestApps.app("null", dir).outFile(Path.of("/dev/null")).rotation(100, 2, false).build();
        log = open(spec);

        children.sh(log, "seq 1 1000; echo kept >&2").drained().get(10, TimeUnit.SECONDS);

        assertThat(Files.isRegularFile(Path.of("/dev/null"))).as("/dev/null is still the device").isFalse();
        try (var rotated = Files.list(Path.of("/dev"))) {
            assertThat(rotated.map(Path::toString)).noneMatch(f -> f.startsWith("/dev/null_"));
        }
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
