package jsup.healthmon.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.InotifyLimits;
import jsup.healthmon.proc.InotifySetting;
import jsup.healthmon.proc.ProcFs;

/**
 * Raises the inotify limits that are short the way the seed deployment did: writes
 * {@code <root>/etc/sysctl.d/99-jsup-inotify.conf} and, when {@code root} is {@code /} and we run as
 * root, applies it with {@code sysctl -p <file>}. Only the limits asked for are raised (to
 * {@link InotifySetting#raisedFrom}, never lower than now); a setting an earlier fix wrote for the
 * other limit stays in the file.
 */
public final class InotifySysctlFix {

    public static final String FILE = "etc/sysctl.d/99-jsup-inotify.conf";

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

    /** The settings that raise {@code shortLimits} now: one {@code key=value} each. */
    public List<String> settings(List<InotifySetting> shortLimits) {
        return lines(shortLimits, InotifyLimits.read(procFs));
    }

    /** The file's text: the raised settings, then what an earlier fix wrote for the other limit. */
    public String contents(List<InotifySetting> shortLimits) {
        StringBuilder text = new StringBuilder(
                "# Written by jsup doctor --fix: room for file watchers; an app hangs when the user's\n"
                + "# inotify watches or instances run out. Values never lower what the kernel already had.\n");
        for (String line : settings(shortLimits)) {
            text.append(line).append('\n');
        }
        for (String kept : earlierSettings(shortLimits)) {
            text.append(kept).append('\n');
        }
        return text.toString();
    }

    /** Raises {@code shortLimits}; with none, changes nothing. */
    public FixResult apply(List<InotifySetting> shortLimits) {
        if (shortLimits.isEmpty()) {
            return new FixResult(true, "no inotify limit is near its warning ratio; nothing to raise");
        }
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, contents(shortLimits), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new FixResult(false, "cannot write " + file + " (" + e.getMessage() + "); run "
                    + "jsup doctor --fix as root, or add " + String.join(" and ", settings(shortLimits))
                    + " to /" + FILE + " and run sysctl -p on it");
        }
        if (!isRealRoot()) {
            return new FixResult(true, "wrote " + file + "; not applied (" + root + " is not the system root)");
        }
        if (!runningAsRoot()) {
            return new FixResult(false, "wrote " + file + " but only root can apply it: sudo sysctl -p " + file);
        }
        return sysctl(file);
    }

    private static List<String> lines(List<InotifySetting> shortLimits, InotifyLimits limits) {
        List<String> lines = new ArrayList<>();
        for (InotifySetting s : shortLimits) {
            lines.add(s.raisedSetting(limits));
        }
        return lines;
    }

    /** Lines of the existing file that set a limit not being raised now, so a rewrite keeps them. */
    private List<String> earlierSettings(List<InotifySetting> shortLimits) {
        List<String> kept = new ArrayList<>();
        if (!Files.isRegularFile(file())) {
            return kept;
        }
        try {
            for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
                for (InotifySetting s : InotifySetting.values()) {
                    if (!shortLimits.contains(s) && line.strip().startsWith(s.key() + "=")) {
                        kept.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // Unreadable: the write below fails the same way and reports it.
        }
        return kept;
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
