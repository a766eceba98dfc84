package jsup.healthmon.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecProbeTest {

    @TempDir
    Path dir;

    private long leftover = -1;

    @AfterEach
    void killLeftover() {
        if (leftover > 0) {
            ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static ExecProbe sh(String script) {
        return new ExecProbe(List.of("sh", "-c", script), ProcFs.SYSTEM);
    }

    @Test
    void passesOnExitZero() {
        ProbeResult r = sh("exit 0").check(Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.probe()).isEqualTo("exec sh -c exit 0");
    }

    @Test
    void failsOnNonZeroWithTheTailOfStderr() {
        ProbeResult r = sh("echo noise; echo 'first line' >&2; echo 'db unreachable' >&2; exit 3")
                .check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("exit code 3: first line | db unreachable");
    }

    @Test
    void aTimeoutKillsTheWholeProcessGroup() throws IOException {
        Path pidFile = dir.resolve("child.pid");
        // The subshell exits at once, so the sleep leaves the probe's process tree but stays in its group.
        // 3 s leave a busy machine time to write the pid file; killed, the probe ends long before its 30 s.
        ProbeResult r = sh("(sleep 30 & echo $! > " + pidFile + "); sleep 30").check(Duration.ofSeconds(3));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("timed out after 3s");
        assertThat(r.latency()).isLessThan(Duration.ofSeconds(20));

        leftover = Long.parseLong(Files.readString(pidFile).trim());
        // Only a kill of the whole group reaches it; it must be gone (or a zombie waiting for init).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<ProcessHandle> child = ProcessHandle.of(leftover);
            return child.isEmpty() || ProcFs.SYSTEM.stat((int) leftover).map(i -> i.isZombie()).orElse(true);
        });
    }

    @Test
    void aMissingCommandFailsWithItsName() {
        ProbeResult r = new ExecProbe(List.of("/nonexistent/check"), ProcFs.SYSTEM).check(Duration.ofSeconds(30));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("exit code 127").contains("/nonexistent/check");
    }
}
