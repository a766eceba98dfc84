package jsup.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import jsup.healthmon.proc.ProcFs;

/**
 * The real {@code /proc} with the two inotify limits read from a folder instead (the {@link ProcFs}
 * seam), and one inotify instance with one watch held by this JVM, so a limit of 1 is reached by
 * this user on any machine. Close it to release the watch.
 */
public final class InotifyLimitsFixture implements AutoCloseable {

    private final Path limits;
    private final WatchService watch;

    /** Limits far above any real use until {@link #set} lowers them. */
    public InotifyLimitsFixture(Path dir) throws IOException {
        this.limits = dir.resolve("proc-limits");
        set(1_000_000_000, 1_000_000);
        this.watch = FileSystems.getDefault().newWatchService();
        Files.createDirectories(dir).register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /** /proc as it is, but with these limits. */
    public ProcFs procFs() {
        return new ProcFs(Path.of("/proc")) {
            @Override
            public Path file(String relative) {
                return relative.startsWith("sys/fs/inotify/") ? limits.resolve(relative) : super.file(relative);
            }
        };
    }

    /** Replaces both limit files at once (rename), so a reader never sees a half-written one. */
    public void set(long maxUserWatches, long maxUserInstances) throws IOException {
        Path dir = Files.createDirectories(limits.resolve("sys/fs/inotify"));
        write(dir.resolve("max_user_watches"), maxUserWatches + "\n");
        write(dir.resolve("max_user_instances"), maxUserInstances + "\n");
    }

    /** The uid the kernel charges this JVM's inotify use to. */
    public static int uid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static void write(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
