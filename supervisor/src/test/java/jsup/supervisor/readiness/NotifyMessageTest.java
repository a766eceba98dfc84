package jsup.supervisor.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotifyMessageTest {

    @Test
    void readsEveryKeyJsupUnderstands() {
        NotifyMessage m = NotifyMessage.parse("READY=1\nSTATUS=serving 3 clients\nMAINPID=4242\nWATCHDOG=1\n"
                + "EXTEND_TIMEOUT_USEC=5000000\nWATCHDOG_USEC=2000000\nBARRIER=1");
        assertThat(m.ready()).isTrue();
        assertThat(m.status()).isEqualTo("serving 3 clients");
        assertThat(m.mainPid()).isEqualTo(4242);
        assertThat(m.watchdogPing()).isTrue();
        assertThat(m.watchdogTrigger()).isFalse();
        assertThat(m.extendTimeoutUsec()).isEqualTo(5_000_000);
        assertThat(m.watchdogUsec()).isEqualTo(2_000_000);
        assertThat(m.barrier()).isTrue();
    }

    @Test
    void reloadingStoppingAndTriggerAreFlags() {
        assertThat(NotifyMessage.parse("RELOADING=1").reloading()).isTrue();
        assertThat(NotifyMessage.parse("STOPPING=1").stopping()).isTrue();
        assertThat(NotifyMessage.parse("WATCHDOG=trigger").watchdogTrigger()).isTrue();
    }

    @Test
    void unknownKeysAndBadNumbersAreIgnoredAsSystemdDoes() {
        NotifyMessage m = NotifyMessage.parse("FDSTORE=1\nMAINPID=abc\nEXTEND_TIMEOUT_USEC=-5\nnonsense\nREADY=0");
        assertThat(m.ready()).isFalse();
        assertThat(m.mainPid()).isZero();
        assertThat(m.extendTimeoutUsec()).isEqualTo(-1);
        assertThat(m.status()).isNull();
    }
}
