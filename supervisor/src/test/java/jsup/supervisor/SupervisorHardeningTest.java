package jsup.supervisor;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.config.PreStartStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with real bash children, where runs and stops meet: a restart never overlaps the
 * leftovers of the run before, a stop during launching kills the pre-start command, and every child
 * carries the environment mark a later jsupd finds it by.
 */
class SupervisorHardeningTest {

    @TempDir
    Path dir;

    private final List<Path> pidFiles = new ArrayList<>();
    private final Supervisor supervisor = new Supervisor(new SupervisorSettings(
            jsup.healthmon.proc.ProcFs.SYSTEM, SupervisorListener.NONE, java.time.Clock.systemUTC(),
            java.util.Map.of("JSUP_HOME", "/test/home")));

    @AfterEach
    void close() {
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
    void aRestartWaitsUntilTheLeftoversOfTheCrashedRunAreGone() {
        // Run 1 leaves a grandchild that ignores SIGTERM (it holds "the port"), then crashes. Run 2
        // finds the port taken and exits 78, a stop exit code, as the gateway does: if run 2 started
        // before the grandchild was gone, the app would stay down.
        Path holder = pidFile("holder.pid");
        Path runs = dir.resolve("runs");
        Path main = pidFile("main.pid");
        supervisor.add(TestApps.bash("gateway", dir, String.join("\n",
                "echo x >> " + runs,
                "h=$(cat " + holder + " 2>/dev/null)",
                "if [ -n \"$h\" ] && [ -d /proc/$h ] && ! grep -q '^[0-9]* ([^)]*) Z' /proc/$h/stat 2>/dev/null; then",
                "  exit 78",
                "fi",
                "if [ $(wc -l < " + runs + ") -eq 1 ]; then",
                "  bash -c 'trap \"\" TERM; echo $$ > " + holder + "; while :; do sleep 0.1; done' &",
                "  while [ ! -s " + holder + " ]; do sleep 0.02; done",
                "  exit 1",
                "fi",
                "echo $$ > " + main,
                "exec sleep 60"))
                .stopExitCodes(78).restartDelay(Duration.ZERO).killTimeout(Duration.ofMillis(700)).build());

        supervisor.start("gateway");

        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(main) > 0);
        AppStatus s = status("gateway");
        assertThat(s.status()).isEqualTo(ProcessStatus.ONLINE);
        assertThat(s.pid()).isEqualTo(ProcessFixtures.pidIn(main));
        assertThat(s.restarts()).isEqualTo(1);
        assertThat(ProcessFixtures.alive(ProcessFixtures.pidIn(holder))).isFalse();
        assertThat(s.transitions()).extracting(t -> t.to().label())
                .containsExactly("launching", "online", "launching", "online");
    }

    @Test
    void aStopDuringLaunchingKillsTheRunningPreStartCommandAndItsGroup() throws Exception {
        Path cmd = pidFile("prestart.pid");
        Path child = pidFile("prestart-child.pid");
        Path ran = dir.resolve("app-ran");
        supervisor.add(TestApps.bash("slow", dir, "touch " + ran + "; sleep 30")
                .preStart(new PreStartStep.RunCommand("echo $$ > " + cmd + "; sleep 30 & echo $! > " + child
                        + "; wait", Duration.ofSeconds(60)))
                .build());
        assertThat(supervisor.start("slow").status()).isEqualTo(ProcessStatus.LAUNCHING);
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(cmd) > 0 && ProcessFixtures.pidIn(child) > 0);

        AppStatus stopped = supervisor.stop("slow").get(10, SECONDS);

        assertThat(stopped.status()).isEqualTo(ProcessStatus.STOPPED);
        // Completing the stop means the command is gone, not merely signalled.
        await().atMost(30, SECONDS).until(() -> !ProcessFixtures.alive(ProcessFixtures.pidIn(cmd))
                && !ProcessFixtures.alive(ProcessFixtures.pidIn(child)));
        assertThat(ran).doesNotExist();
        assertThat(status("slow").status()).isEqualTo(ProcessStatus.STOPPED);
    }

    @Test
    void everyChildCarriesTheAppNameAndTheSettingsMarkInItsEnvironment() throws Exception {
        Path main = pidFile("marked.pid");
        supervisor.add(TestApps.bash("marked", dir, "echo $$ > " + main + "; exec sleep 60")
                .env("JSUP_APP", "an app cannot hide").env("JSUP_HOME", "nor this").build());
        supervisor.start("marked");
        await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(main) > 0);

        String environ = new String(Files.readAllBytes(Path.of("/proc", ProcessFixtures.pidIn(main) + "", "environ")),
                StandardCharsets.UTF_8);
        assertThat(List.of(environ.split("\0"))).contains("JSUP_APP=marked", "JSUP_HOME=/test/home")
                .doesNotContain("JSUP_APP=an app cannot hide");
    }
}
