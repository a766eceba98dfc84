package jsup.healthmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jsup.healthmon.proc.InotifyReport;
import jsup.healthmon.proc.InotifyWarning;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthMonitorTest {

    /** Records every callback, with the time it arrived. */
    static final class Recorder implements HealthListener {
        record Result(String app, ProbeRound round, Instant at) {
        }

        record Threshold(String app, HealthAction action, String reason, int failures, int resultsSoFar) {
        }

        final List<Result> results = new CopyOnWriteArrayList<>();
        final List<Threshold> thresholds = new CopyOnWriteArrayList<>();
        final List<InotifyReport> reports = new CopyOnWriteArrayList<>();
        final List<InotifyWarning> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void onResult(String app, ProbeRound round) {
            results.add(new Result(app, round, Instant.now()));
        }

        @Override
        public void onThreshold(String app, HealthAction action, String reason, int consecutiveFailures) {
            thresholds.add(new Threshold(app, action, reason, consecutiveFailures, count(app)));
        }

        @Override
        public void onInotify(String app, InotifyReport report) {
            reports.add(report);
        }

        @Override
        public void onInotifyWarning(String app, InotifyWarning warning) {
            warnings.add(warning);
        }

        int count(String app) {
            return (int) results.stream().filter(r -> r.app().equals(app)).count();
        }
    }

    private final Recorder recorder = new Recorder();
    private final HealthMonitor monitor = new HealthMonitor(recorder);
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        monitor.close();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static HealthSpec spec(ProbeSpec probe, long intervalMs, long timeoutMs, int failures, long initialDelayMs,
                                   HealthAction action) {
        return new HealthSpec(List.of(probe), Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs), failures,
                Duration.ofMillis(initialDelayMs), action, HealthSpec.DEFAULT_INOTIFY_WARN);
    }

    private int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private int servingPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-acceptor");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @Test
    void reportsTheThresholdAfterNFailuresAndCountsAgain() throws IOException {
        int port = closedPort();
        monitor.register("gateway", spec(new ProbeSpec.Tcp("127.0.0.1", port), 200, 1000, 2, 0, HealthAction.RESTART));
        monitor.appStarted("gateway");

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.thresholds.size() >= 2);
        Recorder.Threshold first = recorder.thresholds.get(0);
        assertThat(first.reason()).isEqualTo("tcp 127.0.0.1:" + port + " connection refused (2 in a row)");
        assertThat(first.failures()).isEqualTo(2);
        assertThat(first.action()).isEqualTo(HealthAction.RESTART);
        assertThat(first.resultsSoFar()).isEqualTo(2);
        assertThat(recorder.thresholds.get(1).resultsSoFar()).isEqualTo(4);
        assertThat(recorder.results).allMatch(r -> !r.round().ok());
    }

    @Test
    void carriesTheLogActionAndNeverReportsAPassingApp() throws IOException {
        int closed = closedPort();
        int serving = servingPort();
        monitor.register("logged", spec(new ProbeSpec.Tcp("127.0.0.1", closed), 200, 1000, 1, 0, HealthAction.LOG));
        monitor.register("healthy", spec(new ProbeSpec.Tcp("127.0.0.1", serving), 200, 1000, 1, 0, HealthAction.RESTART));
        monitor.appStarted("logged");
        monitor.appStarted("healthy");

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("healthy") >= 3 && !recorder.thresholds.isEmpty());
        assertThat(recorder.thresholds).extracting(Recorder.Threshold::app).containsOnly("logged");
        assertThat(recorder.thresholds.get(0).action()).isEqualTo(HealthAction.LOG);
        assertThat(recorder.results).filteredOn(r -> r.app().equals("healthy")).allMatch(r -> r.round().ok());
    }

    @Test
    void runsNoProbeDuringTheInitialDelay() throws IOException {
        int port = servingPort();
        monitor.register("app", spec(new ProbeSpec.Tcp("127.0.0.1", port), 200, 1000, 1, 800, HealthAction.RESTART));
        Instant started = Instant.now();
        monitor.appStarted("app", started);

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("app") >= 1);
        assertThat(recorder.results.get(0).round().startedAt()).isAfterOrEqualTo(started.plusMillis(800));
    }

    @Test
    void theGraceCountsFromTheGivenStartTime() throws IOException {
        int port = servingPort();
        monitor.register("app", spec(new ProbeSpec.Tcp("127.0.0.1", port), 120_000, 1000, 1, 120_000, HealthAction.RESTART));
        // Started 119.8 s ago: 0.2 s of grace left. Counted from now, the first round would take 2 minutes.
        monitor.appStarted("app", Instant.now().minusMillis(119_800));
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.count("app") == 1);
    }

    @Test
    void roundsOfOneAppNeverOverlap() throws IOException {
        Path trace = dir.resolve("trace");
        Files.createFile(trace);
        String script = "echo start >> " + trace + "; sleep 0.3; echo end >> " + trace;
        monitor.register("app", spec(new ProbeSpec.Exec(List.of("sh", "-c", script)), 10, 2000, 1, 0, HealthAction.LOG));
        monitor.appStarted("app");

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("app") >= 4);
        monitor.appStopped("app");
        List<String> lines = Files.readAllLines(trace);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).as("line %d of %s", i, lines).isEqualTo(i % 2 == 0 ? "start" : "end");
        }
        assertThat(recorder.results).allMatch(r -> r.round().ok());
    }

    @Test
    void aSlowAppDoesNotDelayAFastOne() throws IOException {
        // The slow probe hangs until the test releases it: fast rounds meanwhile prove they do not wait.
        Path release = dir.resolve("release");
        String hang = "i=0; while [ ! -e " + release + " ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done";
        int port = servingPort();
        monitor.register("slow", spec(new ProbeSpec.Exec(List.of("sh", "-c", hang)), 100, 90_000, 1, 0, HealthAction.LOG));
        monitor.register("fast", spec(new ProbeSpec.Tcp("127.0.0.1", port), 150, 1000, 1, 0, HealthAction.RESTART));
        monitor.appStarted("slow");
        monitor.appStarted("fast");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.count("fast") >= 5);
            assertThat(recorder.count("slow")).as("the slow probe is still running").isZero();
        } finally {
            Files.writeString(release, "");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.count("slow") >= 1);
    }

    @Test
    void pausesWhileStoppedAndResumesOnStart() throws IOException {
        int port = servingPort();
        monitor.register("app", spec(new ProbeSpec.Tcp("127.0.0.1", port), 100, 1000, 1, 0, HealthAction.RESTART));
        monitor.appStarted("app");
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("app") >= 2);

        monitor.appStopped("app");
        int atStop = recorder.count("app");
        // A round already delivering when the stop came may land; nothing after it.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(30))
                .until(() -> recorder.count("app") <= atStop + 1);

        int beforeStart = recorder.count("app");
        monitor.appStarted("app");
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("app") >= beforeStart + 2);
    }

    @Test
    void checkNowRunsTheProbesWithoutCounting() throws IOException {
        int port = closedPort();
        monitor.register("app", spec(new ProbeSpec.Tcp("127.0.0.1", port), 60_000, 1000, 1, 0, HealthAction.RESTART));
        ProbeRound round = monitor.checkNow("app");
        assertThat(round.ok()).isFalse();
        assertThat(round.results()).singleElement().extracting(r -> r.detail()).isEqualTo("connection refused");
        assertThat(recorder.results).isEmpty();
        assertThat(recorder.thresholds).isEmpty();
    }

    @Test
    void reportsInotifyUseAndWarnsAtTheRatio(@TempDir Path proc) throws IOException {
        // Fixture /proc: pid 4242 of uid 1000 holds one inotify instance with 9 watches; the limit is 10.
        Path pid = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(pid.resolve("status"), "Name:\tnode\nUid:\t1000\t1000\t1000\t1000\n");
        Files.createDirectories(pid.resolve("fd"));
        Files.createSymbolicLink(pid.resolve("fd/7"), Path.of("anon_inode:inotify"));
        Files.createDirectories(pid.resolve("fdinfo"));
        StringBuilder info = new StringBuilder("pos:\t0\nflags:\t00\nmnt_id:\t15\nino:\t1057\n");
        for (int wd = 1; wd <= 9; wd++) {
            info.append("inotify wd:").append(wd).append(" ino:1 sdev:0 mask:fce ignored_mask:0\n");
        }
        Files.writeString(pid.resolve("fdinfo/7"), info);
        Files.createDirectories(proc.resolve("sys/fs/inotify"));
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), "10\n");
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), "128\n");

        try (HealthMonitor fixtureMonitor = new HealthMonitor(recorder, new ProcFs(proc), Clock.systemUTC())) {
            // A block with only inotify_warn: no probes, so only the inotify check runs.
            HealthSpec inotifyOnly = new HealthSpec(List.of(), Duration.ofMillis(100), Duration.ofSeconds(1), 1,
                    Duration.ZERO, HealthAction.RESTART, 0.8);
            fixtureMonitor.register("gateway", inotifyOnly, () -> Set.of(4242));
            fixtureMonitor.appStarted("gateway");
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorder.warnings.isEmpty());
        }
        InotifyReport report = recorder.reports.get(0);
        assertThat(report.uid()).isEqualTo(1000);
        assertThat(report.app().watches()).isEqualTo(9);
        assertThat(report.user().instances()).isEqualTo(1);
        assertThat(recorder.warnings.get(0).message()).contains("uid 1000 holds 9 of 10 watches (90%)");
        assertThat(recorder.results).isEmpty();
        assertThat(recorder.thresholds).isEmpty();
    }
}
