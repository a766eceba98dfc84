package jsup.healthmon.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-user inotify limits of the kernel: {@code /proc/sys/fs/inotify/max_user_watches} and
 * {@code max_user_instances}. A value that cannot be read is {@link #UNKNOWN}.
 */
public record InotifyLimits(long maxUserWatches, long maxUserInstances) {

    public static final long UNKNOWN = -1;

    /** Reads both limits through the given {@code /proc} root (two small files; cheap). */
    public static InotifyLimits read(ProcFs procFs) {
        return new InotifyLimits(readLong(procFs.file("sys/fs/inotify/max_user_watches")),
                readLong(procFs.file("sys/fs/inotify/max_user_instances")));
    }

    private static long readLong(Path file) {
        try {
            // Not Files.readString: sysctl files report size 0, and readString's second read at a
            // non-zero offset returns nothing, so it would see only the first byte.
            return Long.parseLong(Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(0).trim());
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            return UNKNOWN;
        }
    }
}
