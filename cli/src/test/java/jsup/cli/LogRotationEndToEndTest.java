package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.logs.LogTail;
import jsup.supervisor.log.RotatedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 000 lines through a real jsupd's log rotation: every line is in the current or a rotated file,
 * once and in order, and {@code jsup logs} following the app the whole time prints every one of them
 * although the file rotates many times a second. All of it read by jsupd's one log-selector thread.
 */
class LogRotationEndToEndTest {

    private static final int LINES = 200_000;
    private static final long MAX_SIZE = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PREFIX = "line ";

    @TempDir
    Path tmp;

    private JsupLauncher jsup;
    private Process follower;

    @AfterEach
    void tearDown() throws Exception {
        if (follower != null) {
            follower.destroyForcibly();
        }
        if (jsup != null) {
            jsup.killDaemon();
        }
        JsupLauncher.killAll(tmp.toString());
    }

    @Test
    void twoHundredThousandLinesThroughRotationWithNoneLost() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        Path script = apps.resolve("flood.sh");
        // 28-byte lines, about 5.6 MB: some 20 rotations of a 256K log within a fraction of a second.
        Files.writeString(script, """
                #!/bin/bash
                echo ready
                while [ ! -e "$GO_FILE" ]; do sleep 0.05; done
                seq -f 'line %06g padding-padding' 0 199999
                exec sleep 1000
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path go = apps.resolve("go");
        Files.writeString(apps.resolve("ecosystem.json"), """
                {"apps": [{"name": "flood", "script": "flood.sh", "log_max_size": "256K", "log_retain": 1000,
                           "env": {"GO_FILE": "%s"}}]}
                """.formatted(go));
        Path work = Files.createDirectories(tmp.resolve("work"));
        jsup = new JsupLauncher(tmp.resolve("home"), work);
        JsupLauncher.Result started = jsup.run("start", apps.resolve("ecosystem.json").toString());
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Path out = jsup.home().resolve("logs/flood-out.log");
        await().atMost(WAIT).until(() -> read(out).contains("ready"));

        // The real jsupd reads every app's pipes on its one log-selector thread: no pump threads per app.
        assertThat(threadNames(jsup.daemonPid())).contains("log-selector").noneMatch(n -> n.startsWith("log-flood"));

        Path followed = work.resolve("follow.out");
        follower = jsup.background(followed, "logs", "flood", "--out", "--lines", "1");
        await().atMost(WAIT).until(() -> read(followed).contains("flood out | ready"));
        Files.createFile(go);

        await().atMost(WAIT).until(() -> read(out).contains("line 199999 "));
        List<Path> rotated = RotatedFiles.list(out);
        assertThat(rotated).as("rotated copies of %s", out).hasSizeGreaterThan(15);
        List<Path> all = new ArrayList<>(rotated);
        all.add(out);
        for (Path f : all) {
            assertThat(Files.size(f)).as("size of %s", f).isLessThanOrEqualTo(MAX_SIZE);
        }
        assertEveryLineOnceInOrder(all, "", "files " + all);

        await().atMost(WAIT).until(() -> Files.size(followed) > 0 && lastLine(followed).contains("line 199999 "));
        follower.destroy();
        assertEveryLineOnceInOrder(List.of(followed), "flood out | ", "jsup logs output");
    }

    /** Checks that the {@code files}, read in order, hold lines 0 … 199 999 exactly once each, in order. */
    private static void assertEveryLineOnceInOrder(List<Path> files, String linePrefix, String what) throws IOException {
        int next = 0;
        String marker = linePrefix + PREFIX;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith(marker)) {
                        continue;
                    }
                    int n = Integer.parseInt(line.substring(marker.length(), marker.length() + 6));
                    assertThat(n).as("%s: the line after line %d, in %s", what, next - 1, f).isEqualTo(next);
                    assertThat(line).isEqualTo(String.format("%sline %06d padding-padding", linePrefix, n));
                    next++;
                }
            }
        }
        assertThat(next).as("%s: lines seen", what).isEqualTo(LINES);
    }

    private static List<String> threadNames(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                names.add(read(task.resolve("comm")).strip());
            }
        }
        return names;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLine(Path f) throws IOException {
        List<String> lines = LogTail.lastLines(f, 2);
        return String.join("\n", lines);
    }
}
