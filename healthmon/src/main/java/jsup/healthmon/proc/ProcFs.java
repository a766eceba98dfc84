package jsup.healthmon.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

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
    static final int READ_ATTEMPTS = 3;
    static final long RETRY_PAUSE_MILLIS = 5;

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Every process currently listed, read in one pass over {@code /proc}; empty when {@code /proc}
     * cannot be read. For display only: a caller that acts on the answer (signals, "is it gone?") uses
     * {@link #readSnapshot()}, where unreadable is not the same as empty.
     */
    public List<ProcInfo> snapshot() {
        try {
            return readSnapshotOnce();
        } catch (ProcUnreadableException e) {
            return List.of();
        }
    }

    /**
     * Every process currently listed, read in one pass over {@code /proc}. A process that exits during
     * the pass is left out. A failed pass is tried again, {@value #READ_ATTEMPTS} times in all, after a
     * pause of {@value #RETRY_PAUSE_MILLIS} ms: an EMFILE often passes once another thread closes a file.
     *
     * @throws ProcUnreadableException when the list or a live process's {@code stat} cannot be read
     *                                 (EMFILE, EACCES...): the answer would be incomplete
     */
    public List<ProcInfo> readSnapshot() {
        for (int attempt = 1; ; attempt++) {
            try {
                return readSnapshotOnce();
            } catch (ProcUnreadableException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** One pass of {@link #readSnapshot()}, without retries. */
    protected List<ProcInfo> readSnapshotOnce() {
        List<ProcInfo> all = new ArrayList<>(512);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!isNumeric(name)) {
                    continue;
                }
                readStat(Integer.parseInt(name)).ifPresent(all::add);
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new ProcUnreadableException(root.toString(),
                    e instanceof IOException io ? io : ((DirectoryIteratorException) e).getCause());
        }
        return all;
    }

    /**
     * One process's {@code stat} line (a zombie's too), or empty when the process is gone.
     *
     * @throws ProcUnreadableException when the process still exists but its {@code stat} cannot be read
     */
    public Optional<ProcInfo> readStat(int pid) {
        Path dir = pidDir(pid);
        try {
            return Optional.ofNullable(parseStat(Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            if (isGone(dir)) {
                return Optional.empty();
            }
            throw new ProcUnreadableException(dir.resolve("stat").toString(), e);
        } catch (RuntimeException e) {
            return Optional.empty(); // a malformed line: not a process we can identify
        }
    }

    /**
     * Whether a read of a file under {@code pidDir} failed because the process is gone: its directory no
     * longer exists. Checked with stat(2), which needs no file descriptor, so it answers truly when the
     * read failed for want of one (EMFILE).
     */
    public static boolean isGone(Path pidDir) {
        return !Files.exists(pidDir);
    }

    /** One process's {@code stat} line, or empty when the process is gone or it cannot be read. */
    public Optional<ProcInfo> stat(int pid) {
        try {
            String line = Files.readString(root.resolve(Integer.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1);
            return Optional.ofNullable(parseStat(line));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code waitpid} status as {@link Process#exitValue()} reports it: the exit code, or 128 plus
     * the number of the signal that killed the process.
     */
    public static int exitValueOf(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal != 0 ? 128 + signal : (waitStatus >> 8) & 0xff;
    }

    /**
     * The wait status (as {@code waitpid} reports it: exit code in bits 8-15, killing signal in bits
     * 0-6) of a process that has exited and is not yet reaped, from field 52 of its stat line
     * (Linux 3.5 and later); empty while it runs, once it is reaped, or on an older kernel.
     */
    public OptionalInt zombieWaitStatus(int pid) {
        try {
            String line = Files.readString(root.resolve(Integer.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1);
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); field 52 is f[49].
            if (f.length >= 50 && f[0].equals("Z")) {
                return OptionalInt.of(Integer.parseInt(f[49]));
            }
        } catch (IOException | RuntimeException e) {
            // gone (reaped) or unreadable: nothing to report
        }
        return OptionalInt.empty();
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
        int threads = Integer.parseInt(f[17]);
        return new ProcInfo(pid, ppid, pgid, sid, start, cpu, rss, state, command, threads);
    }

    /** The pids currently listed under the root, without reading any of their files. */
    public List<Integer> pids() {
        List<Integer> pids = new ArrayList<>(512);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (isNumeric(name)) {
                    pids.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /**
     * The command line from {@code /proc/<pid>/cmdline}, arguments joined by spaces; for a process
     * with an empty cmdline (a kernel thread, a zombie) the {@code stat} name in brackets.
     */
    public Optional<String> commandLine(int pid) {
        try {
            byte[] raw = Files.readAllBytes(pidDir(pid).resolve("cmdline"));
            String joined = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            if (!joined.isEmpty()) {
                return Optional.of(joined);
            }
        } catch (IOException e) {
            // Gone or not readable: fall back to the stat name below.
        }
        return stat(pid).map(info -> "[" + info.command() + "]");
    }

    /**
     * The effective uid (second field of the {@code Uid:} line of {@code /proc/<pid>/status}); the
     * kernel charges inotify instances and watches to it.
     */
    public OptionalInt effectiveUid(int pid) {
        try {
            for (String line : Files.readAllLines(pidDir(pid).resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    return OptionalInt.of(Integer.parseInt(f.length > 1 ? f[1] : f[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /**
     * The targets of a process's open file descriptors ({@code /proc/<pid>/fd/<n>} links), such as
     * {@code socket:[12345]} or {@code anon_inode:inotify}. Fds that vanish while reading, or a
     * process whose fds this user may not read, are left out.
     */
    public Map<Integer, String> fdTargets(int pid) {
        Map<Integer, String> targets = new TreeMap<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir(pid).resolve("fd"))) {
            for (Path fd : fds) {
                String name = fd.getFileName().toString();
                if (!isNumeric(name)) {
                    continue;
                }
                try {
                    targets.put(Integer.parseInt(name), Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // Closed between listing and reading.
                }
            }
        } catch (IOException | SecurityException e) {
            return targets;
        }
        return targets;
    }

    /** The text of {@code /proc/<pid>/fdinfo/<fd>}, or empty when the fd or process is gone. */
    public Optional<String> fdInfo(int pid, int fd) {
        try {
            return Optional.of(Files.readString(pidDir(pid).resolve("fdinfo").resolve(Integer.toString(fd)),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file under the root, such as {@code sys/fs/inotify/max_user_watches} or {@code net/tcp}. */
    public Path file(String relative) {
        return root.resolve(relative);
    }

    private Path pidDir(int pid) {
        return root.resolve(Integer.toString(pid));
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
