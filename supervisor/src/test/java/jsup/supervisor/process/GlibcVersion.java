package jsup.supervisor.process;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** The version of the C library this JVM runs on, when it is glibc; for tests that depend on it. */
final class GlibcVersion {

    private GlibcVersion() {
    }

    /** glibc's own {@code gnu_get_libc_version()}, e.g. "2.36"; null on another C library. */
    static String version() {
        try {
            Function f = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("gnu_get_libc_version");
            return (String) f.invoke(String.class, new Object[0]);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    static boolean atLeast(int major, int minor) {
        String v = version();
        if (v == null) {
            return false;
        }
        String[] parts = v.split("\\.");
        try {
            int gotMajor = Integer.parseInt(parts[0]);
            int gotMinor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return gotMajor > major || gotMajor == major && gotMinor >= minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String describe() {
        String v = version();
        return v == null ? "not glibc" : "glibc " + v;
    }
}
