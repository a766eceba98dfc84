package jsup.supervisor;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.supervisor.internal.FileRedirectOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with real bash children: restart, crash loop, complete stop, memory cap. */
class SupervisorProcessTest {

    @TempDir
    Path dir;

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Path> pidFiles = new ArrayList<>();
    private Supervisor supervisor;

    @BeforeEach
    void start() {
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void onMessage(String app, String message) {
                messages.add(app + ": " + message);
            }
        };
        supervisor = new Supervisor(SupervisorSettings.defaults(listener), FileRedirectOutput::new);
    }

    @AfterEach
    void stopEverything() {
        supervisor.close();
        ProcessFixtures.killAll(pidFiles);
    }

    private Path pidFile(String name) {
        Path f = dir.resolve(name);
        pidFiles.add(f);
        return f;
    }

    private AppStatus status(String name) {
        return supervisor.status(name).orElseThrow();
    }

    @Test
    void theChildLeadsItsOwnSessionUnderItsOwnPid() {
        supervisor.add(TestApps.bash("lead", dir, "echo $$ > " + pidFile("lead.pid") + "; exec sleep 30").build());
        AppStatus s = supervisor.start("lead");
        assertThat(s.status()).isEqualTo(ProcessStatus.ONLINE);
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(dir.resolve("lead.pid")) > 0);
        // setsid exec'd in place: the pid Java got is the script's own $$.
        assertThat((long) ProcessFixtures.pidIn(dir.resolve("lead.pid"))).isEqualTo(s.pid());
        await().atMost(30, SECONDS).untilAsserted(() -> {
            ProcInfo info = ProcessFixtures.stat(s.pid());
            assertThat(info.sid()).isEqualTo((int) s.pid());
            assertThat(info.pgid()).isEqualTo((int) s.pid());
            assertThat(info.ppid()).isEqualTo((int) ProcessHandle.current().pid());
            assertThat(info.command()).isEqualTo("sleep");
        });
    }

    @Test
    void aCrashIsRestarted() throws IOException {
        Path runs = dir.resolve("runs");
        supervisor.add(TestApps.bash("crashy", dir, "echo run >> " + runs + "; sleep 0.3; exit 3").build());
        long firstPid = supervisor.start("crashy").pid();
        await().atMost(30, SECONDS).until(() -> status("crashy").restarts() >= 1
                && status("crashy").status() == ProcessStatus.ONLINE && Files.readAllLines(runs).size() >= 2);
        AppStatus s = status("crashy");
        assertThat(s.pid()).isNotEqualTo(firstPid);
        assertThat(s.restartHistory().get(0).reason()).isEqualTo("exit code 3");
        assertThat(s.restartHistory().get(0).uptime()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(Files.readAllLines(runs)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aCrashLoopEndsErroredAfterMaxRestarts() throws IOException {
        Path runs = dir.resolve("runs");
        supervisor.add(TestApps.bash("loop", dir, "echo run >> " + runs + "; exit 1")
                .minUptime(Duration.ofSeconds(30)).maxRestarts(3).build());
        supervisor.start("loop");
        await().atMost(30, SECONDS).until(() -> status("loop").status() == ProcessStatus.ERRORED);
        AppStatus s = status("loop");
        assertThat(Files.readAllLines(runs)).hasSize(3);
        assertThat(s.unstableRestarts()).isEqualTo(3);
        assertThat(s.statusReason()).startsWith("crash loop: 3 unstable exits in a row");
        assertThat(s.pid()).isZero();
    }

    @Test
    void aTreeThatIgnoresTermAndIntIsEntirelyGoneWithinKillTimeout() throws Exception {
        String ignoring = "trap '' TERM INT; echo $$ > %s; while :; do sleep 0.1; done";
        String body = "trap '' TERM INT\n"
                + "bash -c \"" + ignoring.formatted(pidFile("child.pid")) + "\" &\n"
                + "setsid bash -c \"" + ignoring.formatted(pidFile("detached.pid")) + "\" &\n"
                + "echo $$ > " + pidFile("main.pid") + "\n"
                + "while :; do sleep 0.1; done";
        supervisor.add(TestApps.bash("stubborn", dir, body).killSignal("INT")
                .killTimeout(Duration.ofSeconds(1)).build());
        supervisor.start("stubborn");
        await().atMost(30, SECONDS).until(() -> pidFiles.stream().allMatch(f -> ProcessFixtures.pidIn(f) > 0));
        List<Integer> pids = pidFiles.stream().map(ProcessFixtures::pidIn).toList();
        int detached = ProcessFixtures.pidIn(dir.resolve("detached.pid"));
        assertThat(ProcessFixtures.stat(detached).sid()).isEqualTo(detached); // really in its own session

        // Without the SIGKILL after kill_timeout this stop would never end; a generous bound proves it.
        AppStatus stopped = supervisor.stop("stubborn").get(30, SECONDS);

        assertThat(stopped.status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(pids).noneMatch(ProcessFixtures::alive);
        assertThat(messages).anyMatch(m -> m.startsWith("stubborn: kill_timeout 1s passed: SIGKILL to"));
    }

    @Test
    void aStoppedProcessIsResumedSoItEndsOnTheStopSignalInsteadOfWaitingForSigkill() throws Exception {
        Path ended = dir.resolve("ended-by");
        Path main = pidFile("frozen.pid");
        supervisor.add(TestApps.bash("frozen", dir, "trap 'echo TERM > " + ended + "; exit 0' TERM\n"
                + "echo $$ > " + main + "\n"
                + "while :; do sleep 0.05; done").killTimeout(Duration.ofSeconds(120)).build());
        supervisor.start("frozen");
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(main) > 0);
        int pid = ProcessFixtures.pidIn(main);
        new ProcessBuilder("/usr/bin/kill", "-s", "STOP", Integer.toString(pid)).start().waitFor();
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.stat(pid).state() == 'T');

        // Ends well before kill_timeout's SIGKILL (120 s) would come, by its own TERM handler.
        AppStatus stopped = supervisor.stop("frozen").get(60, SECONDS);

        assertThat(stopped.status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(Files.readString(ended).trim()).isEqualTo("TERM");
        assertThat(messages).noneMatch(m -> m.contains("SIGKILL"));
    }

    @Test
    void aTreeGrowingPastMaxMemoryThroughAGrandchildIsRestartedWithReasonMemory() {
        // Only the first run grows: the marker is written before the growth starts, so a cap that
        // strikes while the 80 MB are still on their way through the pipe (seconds on a busy
        // machine) ends that run and the next one stays small. The test waits on what happens,
        // never on how fast it happens.
        Path growing = dir.resolve("growing");
        String body = "if [ ! -e " + growing + " ]; then\n"
                + "  touch " + growing + "\n"
                + "  ( { head -c 80M /dev/zero; sleep 60; } | tail -c 80M > /dev/null ) &\n"
                + "fi\n"
                + "while :; do sleep 0.1; done";
        supervisor.add(TestApps.bash("hungry", dir, body).maxMemoryRestart(50L << 20)
                .memoryCheckInterval(Duration.ofMillis(400)).build());
        long firstPid = supervisor.start("hungry").pid();
        await().atMost(60, SECONDS).pollInterval(50, MILLISECONDS)
                .until(() -> !status("hungry").restartHistory().isEmpty());
        assertThat(growing).exists();
        assertThat(status("hungry").restartHistory().get(0).reason()).matches("memory \\d+M > 50M");
        await().atMost(30, SECONDS).until(() -> status("hungry").status() == ProcessStatus.ONLINE
                && status("hungry").pid() != firstPid);
        await().atMost(30, SECONDS).untilAsserted(() ->
                assertThat(ProcFs.SYSTEM.snapshot()).filteredOn(p -> p.sid() == firstPid && !p.isZombie()).isEmpty());
        assertThat(status("hungry").restartHistory()).hasSize(1);
    }

    @Test
    void memoryAndCpuOfTheWholeTreeAreReported() {
        supervisor.add(TestApps.bash("busy", dir, "( while :; do :; done ) & while :; do sleep 0.1; done")
                .memoryCheckInterval(Duration.ofMillis(200)).build());
        supervisor.start("busy");
        await().atMost(30, SECONDS).untilAsserted(() -> {
            AppStatus s = status("busy");
            assertThat(s.memoryBytes()).isGreaterThan(1L << 20);
            // A busy loop; idle trees show 0. On a loaded machine it gets only a share of a core.
            assertThat(s.cpuPercent()).isGreaterThan(5.0);
        });
    }

    @Test
    void aMissingProgramEndsErroredWithAClearReason() {
        supervisor.add(TestApps.app("ghost", dir).script(dir.resolve("nope.sh").toString()).build());
        AppStatus s = supervisor.start("ghost");
        assertThat(s.status()).isEqualTo(ProcessStatus.ERRORED);
        assertThat(s.statusReason()).isEqualTo("cannot run " + dir.resolve("nope.sh")
                + ": no such file; fix \"script\" or \"cwd\"");
        supervisor.add(TestApps.app("ghost2", dir).script("no-such-program-jsup").build());
        assertThat(supervisor.start("ghost2").statusReason())
                .startsWith("cannot run \"no-such-program-jsup\": not found on PATH (");
    }

    @Test
    void stopDuringWaitingRestartCancelsIt() {
        supervisor.add(TestApps.bash("slow", dir, "sleep 0.3; exit 1").restartDelay(Duration.ofSeconds(30)).build());
        supervisor.start("slow");
        await().atMost(30, SECONDS).until(() -> status("slow").status() == ProcessStatus.WAITING_RESTART);
        AppStatus s = supervisor.stop("slow").join();
        assertThat(s.status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(s.wantUp()).isFalse();
    }

    @Test
    void pidFileIsWrittenAndRemovedAndSignalsReachTheApp() {
        Path pidFile = dir.resolve("run/app.pid");
        Path got = dir.resolve("got");
        supervisor.add(TestApps.bash("sig", dir, "trap 'echo usr2 >> " + got + "' USR2; while :; do sleep 0.1; done")
                .pidFile(pidFile).build());
        long pid = supervisor.start("sig").pid();
        assertThat(ProcessFixtures.pidIn(pidFile)).isEqualTo((int) pid);
        await().atMost(30, SECONDS).pollInterval(50, MILLISECONDS).until(() -> {
            supervisor.signal("sig", "SIGUSR2");
            return Files.exists(got);
        });
        supervisor.stop("sig").join();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aPidFileThatIsADeviceOrFifoIsNeitherReplacedNorDeleted() throws Exception {
        // The way PM2 users say "no pid file" is pid_file: /dev/null; a FIFO stands in for the device here.
        Path fifo = dir.resolve("no.pid");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        supervisor.add(TestApps.bash("nopid", dir, "exec sleep 30").pidFile(fifo).build());
        assertThat(supervisor.start("nopid").status()).isEqualTo(ProcessStatus.ONLINE);
        supervisor.stop("nopid").join();
        assertThat(fifo).exists();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(messages).noneMatch(m -> m.contains("pid_file"));
    }

    @Test
    void commandsOnAnUnknownAppOrADuplicateNameAreRefused() {
        supervisor.add(TestApps.app("one", dir).build());
        assertThatThrownBy(() -> supervisor.add(TestApps.app("one", dir).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app one already exists");
        assertThatThrownBy(() -> supervisor.start("two"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("unknown app: two");
        assertThat(supervisor.status("0")).map(AppStatus::name).contains("one");
        supervisor.remove("one").join();
        assertThat(supervisor.list()).isEmpty();
    }
}
