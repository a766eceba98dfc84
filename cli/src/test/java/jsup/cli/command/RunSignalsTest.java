package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIGUSR2 is forwarded only where the JVM moved its own thread suspend/resume signal off it. */
class RunSignalsTest {

    @Test
    void usr2IsFreeOnlyWhenJavaSrSignumNamesAnotherValidSignal() {
        assertThat(RunSignals.usr2IsFree(Map.of())).isFalse();
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", "40"))).isTrue();
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", " 64 "))).isTrue();
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", "12"))).as("SIGUSR2 itself").isFalse();
        // HotSpot ignores values at or below SIGSEGV (11) or from NSIG (65) on, and keeps SIGUSR2.
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", "10"))).isFalse();
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", "65"))).isFalse();
        assertThat(RunSignals.usr2IsFree(Map.of("_JAVA_SR_SIGNUM", "usr1"))).isFalse();
    }
}
