package jsup.healthmon.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.InotifyLimits;
import jsup.healthmon.proc.ProcFs;

/**
 * Raises the inotify limits the way the seed deployment did: writes
 * {@code <root>/etc/sysctl.d/99-jsup-inotify.conf} and, when {@code root} is {@code /} and we run as
 * root, applies it with {@code sysctl -p <file>}. Never lowers a limit that is already higher.
 */
public final class InotifySysctlFix {

    public static final String FILE = "etc/sysctl.d/99-jsup-inotify.conf";
    public static final String WATCHES_KEY = "fs.inotify.max_user_watches";
    public static final String INSTANCES_KEY = "fs.inotify.max_user_instances";
    public static final long RECOMMENDED_WATCHES = 524288;
    public static final long RECOMMENDED_INSTANCES = 1024;

    private final Path root;
    private final ProcFs procFs;

    /** @param root the file system root: {@code /} for real, a temp folder in tests (no sysctl run then) */
    public InotifySysctlFix(Path root, ProcFs procFs) {
        this.root = root;
        this.procFs = procFs;
    }

    public Path file() {
        return root.resolve(FILE);
    }

    /** The file's text for the current limits. */
    public String contents() {
        InotifyLimits now = InotifyLimits.read(procFs);
        return "# Written by jsup doctor --fix: room for file watchers; an app hangs when the user's\n"
                + "# inotify watches run out. Values never lower what the kernel already had.\n"
                + WATCHES_KEY + "=" + Math.max(RECOMMENDED_WATCHES, now.maxUserWatches()) + "\n"
                + INSTANCES_KEY + "=" + Math.max(RECOMMENDED_INSTANCES, now.maxUserInstances()) + "\n";
    }

    public FixResult apply() {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, contents(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new FixResult(false, "cannot write " + file + " (" + e.getMessage() + "); run "
                    + "jsup doctor --fix as root, or add " + WATCHES_KEY + "=" + RECOMMENDED_WATCHES
                    + " to /etc/sysctl.d/99-jsup-inotify.conf and run sysctl -p on it");
        }
        if (!isRealRoot()) {
            return new FixResult(true, "wrote " + file + "; not applied (" + root + " is not the system root)");
        }
        if (!runningAsRoot()) {
            return new FixResult(false, "wrote " + file + " but only root can apply it: sudo sysctl -p " + file);
        }
        return sysctl(file);
    }

    private boolean isRealRoot() {
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    private static boolean runningAsRoot() {
        OptionalInt uid = ProcFs.SYSTEM.effectiveUid((int) ProcessHandle.current().pid());
        return uid.isPresent() && uid.getAsInt() == 0;
    }

    private static FixResult sysctl(Path file) {
        try {
            Path output = Files.createTempFile("jsup-sysctl-", ".out");
            try {
                Process p = new ProcessBuilder("sysctl", "-p", file.toString())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new FixResult(false, "wrote " + file + "; sysctl -p " + file + " timed out after 10s");
                }
                String said = Files.readString(output).trim().replace('\n', ' ');
                return p.exitValue() == 0
                        ? new FixResult(true, "wrote " + file + " and applied it: " + said)
                        : new FixResult(false, "wrote " + file + "; sysctl -p exited " + p.exitValue() + ": " + said);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new FixResult(false, "wrote " + file + "; cannot run sysctl (" + e.getMessage()
                    + "): run sysctl -p " + file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FixResult(false, "wrote " + file + "; interrupted before sysctl finished");
        }
    }
}
