package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void aWaitStatusReadsAsJavaWouldReportTheSameExit() {
        assertThat(ExitStatus.fromWaitStatus(3 << 8)).isEqualTo(ExitStatus.fromExitValue(3));
        assertThat(ExitStatus.fromWaitStatus(78 << 8).describe()).isEqualTo("exit code 78");
        assertThat(ExitStatus.fromWaitStatus(9)).isEqualTo(new ExitStatus(137, "KILL"));
        assertThat(ExitStatus.fromWaitStatus(0x80 | 11).describe()).isEqualTo("signal SIGSEGV"); // core dumped
        assertThat(ExitStatus.fromWaitStatus(0)).isEqualTo(new ExitStatus(0, null));
    }
}
