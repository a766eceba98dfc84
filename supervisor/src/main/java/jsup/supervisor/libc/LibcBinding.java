package jsup.supervisor.libc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Binds a class's {@code static native} methods to the C library with JNA's direct mapping (no proxy,
 * no reflection per call), where jsup's native calls are known to fit: 64-bit Linux, whose struct
 * layouts, flags and system-call numbers the callers hard-code.
 */
public final class LibcBinding {

    private LibcBinding() {
    }

    /**
     * Binds {@code type}'s native methods to libc.
     *
     * @return false where they cannot be bound (not 64-bit Linux, no JNA library for the platform, a
     *         function this C library lacks): the caller then uses its fallback
     */
    public static boolean register(Class<?> type) {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return false;
        }
        try {
            Native.register(type, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
