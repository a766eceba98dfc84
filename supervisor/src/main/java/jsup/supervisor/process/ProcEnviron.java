package jsup.supervisor.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcUnreadableException;

/**
 * The one reader of {@code /proc/<pid>/environ}: what a process was started with, e.g. the marks
 * ({@code JSUP_HOME}, {@code JSUP_APP}) that tell jsupd's processes from any other.
 */
public final class ProcEnviron {

    private ProcEnviron() {
    }

    /**
     * The environment of process {@code pid}.
     *
     * @return empty when the process is gone, is not this user's to read, or has no memory (a kernel
     *         thread, one exiting)
     * @throws ProcUnreadableException when it cannot be read for another reason (EMFILE): unknown, not empty
     */
    public static Optional<SortedMap<String, String>> of(ProcFs procFs, int pid) {
        return read(procFs.root().resolve(Integer.toString(pid)).resolve("environ"));
    }

    /** As {@link #of}, from an {@code environ} file. */
    public static Optional<SortedMap<String, String>> read(Path environ) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(environ);
        } catch (AccessDeniedException | SecurityException e) {
            return Optional.empty(); // not ours to read
        } catch (IOException e) {
            // Gone meanwhile; or ESRCH: a process without memory has no environment.
            if (ProcFs.isGone(environ.getParent()) || e instanceof NoSuchFileException
                    || (e instanceof FileSystemException f && "No such process".equals(f.getReason()))) {
                return Optional.empty();
            }
            throw new ProcUnreadableException(environ.toString(), e);
        }
        return Optional.of(parse(raw));
    }

    /** {@code NAME=value} entries separated by NUL; an entry without {@code =} is left out. */
    static SortedMap<String, String> parse(byte[] raw) {
        SortedMap<String, String> vars = new TreeMap<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                vars.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return vars;
    }
}
