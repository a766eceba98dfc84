package jsup.healthmon.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seam over {@code /proc}. {@link #SYSTEM} reads the real one; tests build a {@code ProcFs}
 * over a folder of fixture files laid out like {@code /proc}.
 *
 * <p>Reads are best effort: a process may exit between listing and reading, so a missing or
 * half-written file yields an empty result rather than an exception.
 */
public class ProcFs {

    /** Bytes per memory page. 4096 on every Linux this runs on (x86-64, arm64 with 4K pages). */
    static final long PAGE_SIZE = 4096;

    public static final ProcFs SYSTEM = new ProcFs(Path.of("/proc"));

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Every process currently listed, read in one pass over {@code /proc}. */
    public List<ProcInfo> snapshot() {
        List<ProcInfo> all = new ArrayList<>(512);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!isNumeric(name)) {
                    continue;
                }
                stat(Integer.parseInt(name)).ifPresent(all::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        return all;
    }

    /** One process's {@code stat} line, or empty when the process is gone. */
    public Optional<ProcInfo> stat(int pid) {
        try {
            String line = Files.readString(root.resolve(Integer.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1);
            return Optional.ofNullable(parseStat(line));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The start time (field 22) of a live process, or empty when it is gone. */
    public Optional<ProcessIdentity> identity(int pid) {
        return stat(pid).filter(p -> !p.isZombie()).map(p -> new ProcessIdentity(p.pid(), p.startTime()));
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line. The command name may itself contain spaces and
     * parentheses, so fields are counted from the last closing parenthesis.
     *
     * @return the parsed record, or {@code null} when the line is malformed
     */
    public static ProcInfo parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        int pid = Integer.parseInt(line.substring(0, open).trim());
        String command = line.substring(open + 1, close);
        String[] f = line.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state); field N is f[N - 3].
        if (f.length < 22) {
            return null;
        }
        char state = f[0].charAt(0);
        int ppid = Integer.parseInt(f[1]);
        int pgid = Integer.parseInt(f[2]);
        int sid = Integer.parseInt(f[3]);
        long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long start = Long.parseLong(f[19]);
        long rss = Long.parseLong(f[21]) * PAGE_SIZE;
        return new ProcInfo(pid, ppid, pgid, sid, start, cpu, rss, state, command);
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
