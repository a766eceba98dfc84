package jsup.supervisor.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class LibcBindingTest {

    @Test
    void bindsAClassToLibcOnLinux() {
        assumeTrue(Platform.isLinux() && Platform.is64Bit(), "jsup's native calls are for 64-bit Linux");
        assertThat(LibcBinding.register(Getpid.class)).isTrue();
        assertThat((long) Getpid.getpid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aFunctionLibcLacksIsFalseNotAnError() {
        assertThat(LibcBinding.register(Missing.class)).isFalse();
    }

    private static final class Getpid {
        static native int getpid();
    }

    private static final class Missing {
        static native int jsup_no_such_function_in_libc();
    }
}
