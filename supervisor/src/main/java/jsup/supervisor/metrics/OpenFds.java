package jsup.supervisor.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts open file descriptors through {@code /proc/<pid>/fd} (readable for jsupd's own processes). */
public final class OpenFds {

    private final Path proc;

    public OpenFds(Path proc) {
        this.proc = proc;
    }

    public static OpenFds system() {
        return new OpenFds(Path.of("/proc"));
    }

    /** The descriptors {@code pid} holds; 0 when it is gone or its {@code fd} folder is unreadable. */
    public int of(long pid) {
        return count(proc.resolve(Long.toString(pid)).resolve("fd"));
    }

    /** The descriptors of every process of {@code pids} together. */
    public int ofAll(int[] pids) {
        int total = 0;
        for (int pid : pids) {
            total += of(pid);
        }
        return total;
    }

    private static int count(Path dir) {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path ignored : entries) {
                n++;
            }
        } catch (IOException | SecurityException e) {
            return 0; // gone since the sample, or not ours: nothing to count
        }
        return n;
    }
}
