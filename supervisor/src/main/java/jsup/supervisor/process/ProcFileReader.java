package jsup.supervisor.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;

/**
 * Reads small {@code /proc} files into one reused buffer and parses {@code stat} and {@code children}
 * straight from its bytes. Sampling reads a few files per app every second; {@code Files.readString}
 * plus a split costs several times more per read (size probe, fresh buffers, dozens of strings),
 * which matters for the daemon's idle CPU with many apps. Not thread-safe: one per sampling thread.
 *
 * <p>A reader that {@linkplain #keepingFilesOpen() keeps files open} re-reads each file in place
 * ({@code pread} at 0: the kernel renders it afresh), about a third of the cost of open, read and
 * close. An open {@code /proc/<pid>} file keeps naming that process: once it died, reads fail even if
 * its pid was reused, and the file is closed. At most {@value #MAX_OPEN} files stay open (every open
 * descriptor makes each spawn a little slower, as the child closes them all), and a file no pass
 * used is closed at the end of the next ({@link #endPass()}).
 */
final class ProcFileReader {

    /** Bytes per memory page, as {@code ProcFs} counts RSS. */
    private static final long PAGE_SIZE = 4096;
    static final int MAX_OPEN = 128;

    private final boolean keepOpen;
    private final Map<String, KeptFile> kept = new HashMap<>();
    private int pass;
    private byte[] buffer = new byte[4096];
    private int length;

    /** A reader that opens and closes each file it reads. */
    ProcFileReader() {
        this(false);
    }

    private ProcFileReader(boolean keepOpen) {
        this.keepOpen = keepOpen;
    }

    /** A reader for the sampler, which reads the same few files of every tree each second. */
    static ProcFileReader keepingFilesOpen() {
        return new ProcFileReader(true);
    }

    /** Closes every file kept open. */
    void closeAll() {
        kept.values().forEach(f -> closeQuietly(f.channel));
        kept.clear();
    }

    /** How many files are kept open. */
    int openFiles() {
        return kept.size();
    }

    /** Closes the files that neither this pass nor the one before read. */
    void endPass() {
        for (Iterator<KeptFile> it = kept.values().iterator(); it.hasNext(); ) {
            KeptFile f = it.next();
            if (f.lastPass < pass - 1) {
                closeQuietly(f.channel);
                it.remove();
            }
        }
        pass++;
    }

    /** The whole file as ISO-8859-1 text. */
    String read(Path file) throws IOException {
        fill(file.toString());
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code <root>/<pid>/stat} parsed as {@code ProcFs.parseStat} does, or null when the process is
     * gone or the line is malformed.
     *
     * @throws ProcUnreadableException when the process still exists but the file cannot be read (EMFILE)
     */
    ProcInfo stat(String root, int pid) {
        String dir = root + "/" + pid;
        try {
            fill(dir + "/stat");
        } catch (IOException e) {
            if (ProcFs.isGone(Path.of(dir))) {
                return null;
            }
            throw new ProcUnreadableException(dir + "/stat", e);
        }
        return parseStat();
    }

    /**
     * The pids in {@code <root>/<pid>/task/<tid>/children}.
     *
     * @throws IOException when the file cannot be read (no such task, or no children files at all)
     */
    int[] children(String root, int pid, int tid) throws IOException {
        fill(root + "/" + pid + "/task/" + tid + "/children");
        int[] pids = new int[8];
        int count = 0;
        int value = -1;
        for (int i = 0; i <= length; i++) {
            byte b = i < length ? buffer[i] : (byte) ' ';
            if (b >= '0' && b <= '9') {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
            } else if (value >= 0) {
                if (count == pids.length) {
                    pids = Arrays.copyOf(pids, count * 2);
                }
                pids[count++] = value;
                value = -1;
            }
        }
        return Arrays.copyOf(pids, count);
    }

    private void fill(String file) throws IOException {
        if (keepOpen) {
            KeptFile f = kept.get(file);
            if (f == null && kept.size() < MAX_OPEN) {
                f = new KeptFile(FileChannel.open(Path.of(file))); // NoSuchFileException: no such process
                kept.put(file, f);
            }
            if (f != null) {
                f.lastPass = pass;
                try {
                    readFrom(f.channel);
                    return;
                } catch (IOException gone) {
                    // ESRCH once the process died: it is never coming back under this descriptor.
                    closeQuietly(f.channel);
                    kept.remove(file);
                    throw new IOException("cannot read " + file + ": " + gone.getMessage(), gone);
                }
            }
        }
        try (FileInputStream in = new FileInputStream(file)) {
            length = 0;
            while (true) {
                int room = buffer.length - length;
                int n = in.read(buffer, length, room);
                if (n < 0) {
                    break;
                }
                length += n;
                if (n < room) {
                    // A /proc file hands out all it has in one read when the buffer is big enough: a
                    // short read is the end, and the read that would return -1 is one syscall saved
                    // per file (hundreds a second with many apps).
                    break;
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
    }

    private void readFrom(FileChannel channel) throws IOException {
        length = 0;
        while (true) {
            int room = buffer.length - length;
            int n = channel.read(ByteBuffer.wrap(buffer, length, room), length);
            if (n < 0) {
                break;
            }
            length += n;
            if (n < room) {
                break; // all of it: see fill
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to do: the descriptor is released either way.
        }
    }

    /** One file kept open, and the pass that last read it. */
    private static final class KeptFile {
        final FileChannel channel;
        int lastPass;

        KeptFile(FileChannel channel) {
            this.channel = channel;
        }
    }

    /** Fields are counted from the last ')', since the command name may hold spaces and parentheses. */
    private ProcInfo parseStat() {
        int open = -1;
        int close = -1;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '(' && open < 0) {
                open = i;
            } else if (buffer[i] == ')') {
                close = i;
            }
        }
        if (open < 0 || close < open || close + 2 >= length) {
            return null;
        }
        long pid = number(0, open);
        // fields[k] is field k + 3 of the line; the ones used: 3 state, 4 ppid, 5 pgrp, 6 session,
        // 14 utime, 15 stime, 20 num_threads, 22 starttime, 24 rss.
        long ppid = 0;
        long pgid = 0;
        long sid = 0;
        long utime = 0;
        long stime = 0;
        long start = 0;
        long rss = 0;
        long threads = 0;
        char state = (char) buffer[close + 2];
        int field = 3;
        int i = close + 2;
        while (i < length && field <= 24) {
            while (i < length && buffer[i] == ' ') {
                i++;
            }
            int begin = i;
            while (i < length && buffer[i] != ' ' && buffer[i] != '\n') {
                i++;
            }
            switch (field) {
                case 4 -> ppid = number(begin, i);
                case 5 -> pgid = number(begin, i);
                case 6 -> sid = number(begin, i);
                case 14 -> utime = number(begin, i);
                case 15 -> stime = number(begin, i);
                case 20 -> threads = number(begin, i);
                case 22 -> start = number(begin, i);
                case 24 -> rss = number(begin, i);
                default -> { }
            }
            field++;
            if (i < length && buffer[i] == '\n') {
                break;
            }
        }
        if (field <= 24 || pid < 0) {
            return null;
        }
        String command = new String(buffer, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
        return new ProcInfo((int) pid, (int) ppid, (int) pgid, (int) sid, start, utime + stime, rss * PAGE_SIZE,
                state, command, (int) Math.max(0, threads));
    }

    /** The decimal number in {@code buffer[from, to)}, optionally negative, spaces ignored; -1 if none. */
    private long number(int from, int to) {
        long value = 0;
        boolean negative = false;
        boolean any = false;
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b == '-') {
                negative = true;
            } else if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                any = true;
            }
        }
        if (!any) {
            return -1;
        }
        return negative ? -value : value;
    }
}
