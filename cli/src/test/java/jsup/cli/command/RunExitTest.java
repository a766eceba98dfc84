package jsup.cli.command;

import static jsup.supervisor.ProcessStatus.ERRORED;
import static jsup.supervisor.ProcessStatus.LAUNCHING;
import static jsup.supervisor.ProcessStatus.ONLINE;
import static jsup.supervisor.ProcessStatus.STOPPED;
import static jsup.supervisor.ProcessStatus.WAITING_RESTART;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jsup.cli.ExitCode;
import jsup.cli.command.RunExit.Verdict;
import org.junit.jupiter.api.Test;

/** When {@code jsup run} ends by itself and with which code: decided from the apps' statuses alone. */
class RunExitTest {

    private final RunExit auto = new RunExit(true, false);
    private final RunExit keepRunning = new RunExit(false, false);
    private final RunExit exitOnErrored = new RunExit(true, true);

    @Test
    void runsWhileAnAppRunsOrWillRestart() {
        assertThat(auto.judge(List.of(ONLINE, STOPPED))).isEqualTo(Verdict.RUN);
        assertThat(auto.judge(List.of(WAITING_RESTART, ERRORED))).isEqualTo(Verdict.RUN);
        assertThat(auto.judge(List.of(LAUNCHING))).isEqualTo(Verdict.RUN);
    }

    @Test
    void endsOnceNothingRunsWithOneWhenAnAppErrored() {
        assertThat(auto.judge(List.of(STOPPED, STOPPED))).isEqualTo(Verdict.DONE);
        assertThat(Verdict.DONE.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(auto.judge(List.of(STOPPED, ERRORED))).isEqualTo(Verdict.DONE_ERRORED);
        assertThat(Verdict.DONE_ERRORED.exitCode()).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void noAutoExitKeepsRunningEvenWhenEverythingEnded() {
        assertThat(keepRunning.judge(List.of(STOPPED, ERRORED))).isEqualTo(Verdict.RUN);
    }

    @Test
    void exitOnErroredStopsTheOthersAsSoonAsOneIsErrored() {
        assertThat(exitOnErrored.judge(List.of(ONLINE, ONLINE))).isEqualTo(Verdict.RUN);
        assertThat(exitOnErrored.judge(List.of(ONLINE, ERRORED))).isEqualTo(Verdict.STOP_ERRORED);
        assertThat(Verdict.STOP_ERRORED.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(exitOnErrored.judge(List.of(STOPPED, ERRORED))).isEqualTo(Verdict.DONE_ERRORED);
        // With --no-auto-exit too: an errored app still ends the run.
        assertThat(new RunExit(false, true).judge(List.of(ONLINE, ERRORED))).isEqualTo(Verdict.STOP_ERRORED);
    }

    @Test
    void aStopSignalEndsWithZeroUnlessAnAppCouldNotBeStopped() {
        assertThat(RunExit.afterStop(List.of(STOPPED, STOPPED))).isEqualTo(ExitCode.OK);
        assertThat(RunExit.afterStop(List.of())).isEqualTo(ExitCode.OK);
        assertThat(RunExit.afterStop(List.of(STOPPED, ERRORED))).isEqualTo(ExitCode.FAILURE);
    }
}
