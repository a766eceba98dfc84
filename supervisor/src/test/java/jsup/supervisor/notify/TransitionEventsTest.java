package jsup.supervisor.notify;

import static jsup.supervisor.ProcessStatus.ERRORED;
import static jsup.supervisor.ProcessStatus.LAUNCHING;
import static jsup.supervisor.ProcessStatus.ONLINE;
import static jsup.supervisor.ProcessStatus.STOPPED;
import static jsup.supervisor.ProcessStatus.STOPPING;
import static jsup.supervisor.ProcessStatus.WAITING_RESTART;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Transition;
import org.junit.jupiter.api.Test;

class TransitionEventsTest {

    private static TransitionEvents.Found[] of(ProcessStatus from, ProcessStatus to, String reason) {
        return TransitionEvents.of(new Transition(Instant.EPOCH, from, to, reason)).toArray(TransitionEvents.Found[]::new);
    }

    @Test
    void aCrashIsAnExitAndARestartWithReasonCrash() {
        assertThat(of(ONLINE, LAUNCHING, "exit code 3")).containsExactly(
                new TransitionEvents.Found("exit", "exit code 3", "exit code 3"),
                new TransitionEvents.Found("restart", "crash", "exit code 3"));
        assertThat(of(ONLINE, WAITING_RESTART, "signal SIGSEGV; restart in 1.5s")).containsExactly(
                new TransitionEvents.Found("exit", "signal SIGSEGV", "signal SIGSEGV; restart in 1.5s"),
                new TransitionEvents.Found("restart", "crash", "signal SIGSEGV; restart in 1.5s"));
    }

    @Test
    void aCleanExitIsNoExitEventAndItsRestartSaysExit() {
        assertThat(of(ONLINE, LAUNCHING, "exit code 0")).containsExactly(
                new TransitionEvents.Found("restart", "exit", "exit code 0"));
        assertThat(of(ONLINE, STOPPED, "exit code 0 (autorestart is off)")).isEmpty();
        assertThat(of(ONLINE, STOPPED, "exit code 2 (in stop_exit_codes)")).containsExactly(
                new TransitionEvents.Found("exit", "exit code 2", "exit code 2 (in stop_exit_codes)"));
    }

    @Test
    void restartsOfARunningAppTakeTheEnginesReasonAsTheyComeIncludingOnesAddedLater() {
        assertThat(of(ONLINE, STOPPING, "memory 612M > 500M")[0].reason()).isEqualTo("memory");
        assertThat(of(ONLINE, STOPPING, "health: tcp 127.0.0.1:80 refused (2 in a row)")[0].reason()).isEqualTo("health");
        assertThat(of(ONLINE, STOPPING, "manual")[0].reason()).isEqualTo("manual");
        assertThat(of(ONLINE, STOPPING, "watchdog: no heartbeat for 30s")[0].reason()).isEqualTo("watchdog");
        assertThat(of(ONLINE, STOPPING, "stop requested")).isEmpty();
    }

    @Test
    void erroredCarriesWhyAndTheLastExit() {
        String loop = "crash loop: 3 unstable exits in a row, each within min_uptime 1s; last exit code 3";
        assertThat(of(ONLINE, ERRORED, loop)).containsExactly(
                new TransitionEvents.Found("exit", "exit code 3", loop),
                new TransitionEvents.Found("errored", "crash_loop", loop));
        assertThat(of(LAUNCHING, ERRORED, "pre-start failed: exit code 1")).containsExactly(
                new TransitionEvents.Found("errored", "pre_start", "pre-start failed: exit code 1"));
        assertThat(of(LAUNCHING, ONLINE, null)).isEmpty();
    }

    @Test
    void stderrTailIsBoundedAndMasksTheAppsSecrets(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("line ").append(i).append('\n');
        }
        log.append("token is abcd1234secret and ").append("x".repeat(1000)).append('\n');
        java.nio.file.Path file = tmp.resolve("app-error.log");
        java.nio.file.Files.writeString(file, log);
        var lines = StderrTail.read(file, Map.of("API_TOKEN", "abcd1234secret", "MODE", "line"));
        assertThat(lines).hasSize(StderrTail.LINES);
        assertThat(lines.get(0)).isEqualTo("line 21");
        assertThat(lines.get(9)).startsWith("token is •••• and ").hasSize(StderrTail.LINE_CHARS);
        assertThat(StderrTail.read(tmp.resolve("missing.log"), Map.of())).isEmpty();
    }
}
