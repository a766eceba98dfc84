package jsup.supervisor;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine wired to the real log capture and pre-start runner. */
class SupervisorLogsAndPreStartTest {

    @TempDir
    Path dir;

    private final Supervisor supervisor = new Supervisor(SupervisorSettings.defaults(SupervisorListener.NONE));

    @AfterEach
    void close() {
        supervisor.close();
    }

    @Test
    void everyLineIsInTheLogWhenTheExitIsReported() throws Exception {
        AppSpec spec = TestApps.bash("burst", dir, "for i in $(seq 1 20000); do echo line $i; done; "
                + "printf 'no newline'; exit 7").autorestart(false).build();
        supervisor.add(spec);
        supervisor.start("burst");
        await().atMost(20, SECONDS).until(() -> supervisor.status("burst").orElseThrow().status()
                == ProcessStatus.STOPPED);
        assertThat(supervisor.status("burst").orElseThrow().lastExit()).isEqualTo("exit code 7");
        var lines = Files.readAllLines(spec.outFile());
        assertThat(lines).hasSize(20001);
        assertThat(lines.get(19999)).isEqualTo("line 20000");
        assertThat(lines.get(20000)).isEqualTo("no newline");
    }

    @Test
    void anAppThatClosesItsOutputAndLivesOnIsReportedOnlyWhenItExits() throws Exception {
        Path closed = dir.resolve("closed");
        AppSpec spec = TestApps.bash("quiet", dir, "echo before; exec >&- 2>&-; touch " + closed
                + "; sleep 0.5; exit 5").autorestart(false).build();
        supervisor.add(spec);
        supervisor.start("quiet");
        await().atMost(30, SECONDS).until(() -> Files.exists(closed));
        // Its output has ended but it still runs: the short wait for its exit gave up, nothing was reported.
        assertThat(supervisor.status("quiet").orElseThrow().status()).isEqualTo(ProcessStatus.ONLINE);
        await().atMost(30, SECONDS).until(() -> supervisor.status("quiet").orElseThrow().status()
                == ProcessStatus.STOPPED);
        assertThat(supervisor.status("quiet").orElseThrow().lastExit()).isEqualTo("exit code 5");
        assertThat(Files.readAllLines(spec.outFile())).containsExactly("before");
    }

    @Test
    void aKillIsReportedWithItsSignalAndRestartedEveryTime() {
        supervisor.add(TestApps.bash("victim", dir, "exec sleep 30").build());
        long pid = supervisor.start("victim").pid();
        for (int kill = 1; kill <= 5; kill++) {
            long victim = pid;
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            int restarts = kill;
            await().atMost(30, SECONDS).until(() -> {
                AppStatus s = supervisor.status("victim").orElseThrow();
                return s.restarts() == restarts && s.status() == ProcessStatus.ONLINE && s.pid() != victim;
            });
            AppStatus s = supervisor.status("victim").orElseThrow();
            assertThat(s.restartHistory().get(s.restartHistory().size() - 1).reason()).isEqualTo("signal SIGKILL");
            pid = s.pid();
        }
    }

    @Test
    void aFailingPreStartCommandLeavesTheAppUnstartedWithAClearReason() {
        Path marker = dir.resolve("ran");
        supervisor.add(TestApps.bash("guarded", dir, "touch " + marker + "; sleep 30")
                .preStart(new PreStartStep.RunCommand("echo db is down >&2; exit 4", Duration.ofSeconds(5)))
                .build());
        assertThat(supervisor.start("guarded").status()).isEqualTo(ProcessStatus.LAUNCHING);
        await().atMost(30, SECONDS).until(() -> supervisor.status("guarded").orElseThrow().status()
                == ProcessStatus.ERRORED);
        AppStatus s = supervisor.status("guarded").orElseThrow();
        assertThat(s.statusReason()).startsWith("pre-start failed: ").contains("db is down");
        assertThat(s.pid()).isZero();
        assertThat(marker).doesNotExist();
    }
}
