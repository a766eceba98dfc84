package jsup.supervisor.prestart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;
import jsup.supervisor.log.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreStartCommandTest {

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final List<Long> pidsToKill = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        pidsToKill.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void stepsRunInOrderInTheAppsCwdWithItsEnvironment() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("app"));
        AppSpec app = TestApps.app("ordered", dir).cwd(cwd).env("GREETING", "hello")
                .preStart(run("echo \"one $GREETING\" >> steps.txt"))
                .preStart(run("pwd >> steps.txt"))
                .build();

        PreStartResult result = runner().run(app);

        assertThat(result).isEqualTo(PreStartResult.passed());
        assertThat(Files.readAllLines(cwd.resolve("steps.txt"))).containsExactly("one hello", cwd.toString());
    }

    @Test
    void aFailingCommandFailsTheStartWithTheTailOfItsStderrAndLaterStepsDoNotRun() throws Exception {
        AppSpec app = TestApps.app("failing", dir)
                .preStart(run("for i in $(seq 1 30); do echo \"noise $i\" >&2; done; echo 'port 18789 busy' >&2; exit 3"))
                .preStart(run("touch should-not-exist"))
                .build();

        PreStartResult result = runner().run(app);

        assertThat(result.ok()).isFalse();
        assertThat(result.reason())
                .startsWith("pre_start \"for i in")
                .contains("exited 3: ")
                .endsWith("noise 30 | port 18789 busy")
                .doesNotContain("noise 20 |");
        assertThat(dir.resolve("should-not-exist")).doesNotExist();
    }

    @Test
    void aTimeoutKillsTheCommandAndEverythingItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        AppSpec app = TestApps.app("slow", dir)
                .preStart(new PreStartStep.RunCommand(
                        "sleep 60 & echo $! > " + pids + "; echo waiting >&2; sleep 60", Duration.ofSeconds(3)))
                .build();
        long started = System.nanoTime();

        PreStartResult result = runner().run(app);

        // 3 s leave a busy machine time to write the pid and the line; killed, it ends long before its 60 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("pre_start \"sleep 60 & echo $! > " + pids
                + "; echo waiting >&2; sleep 60\" timed out after 3s (killed it and its process group): waiting");
        long background = Long.parseLong(Files.readString(pids).strip());
        pidsToKill.add(background);
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(background).map(h -> !h.isAlive()).orElse(true)
                && ProcFs.SYSTEM.identity((int) background).isEmpty());
    }

    @Test
    void aMissingCwdIsAClearFailure() {
        AppSpec app = TestApps.app("nowhere", dir).cwd(dir.resolve("missing")).preStart(run("true")).build();

        PreStartResult result = runner().run(app);

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).contains("could not be started in " + dir.resolve("missing"));
    }

    @Test
    void aMalformedGlobFailsTheStartNamingIt() {
        AppSpec app = TestApps.app("glob", dir).preStart(new PreStartStep.ClearStaleLocks(dir + "/[oops")).build();

        PreStartResult result = runner().run(app);

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).contains("[oops").contains("not a valid glob");
    }

    @Test
    void timeoutsAreWrittenTheWayTheyAreConfigured() {
        assertThat(PreStartCommand.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(PreStartCommand.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(PreStartCommand.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    private PreStartRunner runner() {
        return new PreStartRunner(ProcFs.SYSTEM, Clock.systemUTC(), messages::add);
    }

    private static PreStartStep.RunCommand run(String command) {
        return new PreStartStep.RunCommand(command, Duration.ofSeconds(10));
    }
}
