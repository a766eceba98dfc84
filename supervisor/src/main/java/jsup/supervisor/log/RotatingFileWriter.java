package jsup.supervisor.log;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import jsup.supervisor.files.NoFollowFiles;

/**
 * An append-only log file with size-based rotation by rename, at a line boundary.
 *
 * <p>When a write would take the file past {@code maxSize}, the lines that still fit are written, the
 * file is renamed to a timestamped copy (see {@link RotatedFiles}), a new empty file is opened and the
 * rest goes there. No copy-and-truncate, so no line is ever lost in between; a single line longer than
 * {@code maxSize} is kept whole in a file of its own. Copies beyond {@code retain} are deleted; with
 * {@code compress} each copy is gzipped in the background.
 *
 * <p>Thread-safe: every method holds this writer's lock, so {@link #truncate()} is safe while another
 * thread writes. Nothing is buffered: each {@link #write} goes to the OS at once (a {@code write}, not
 * an {@code fsync}), so an idle writer holds no buffer and a caller never has to flush. Callers pass
 * whole reads of a pipe, so that is one system call per read, not per line. A target that is not a
 * regular file (e.g. {@code /dev/null}) is written to but never rotated or truncated.
 *
 * <p>The file is opened without following a symlink ({@link NoFollowFiles}), at every open: it is
 * closed while the app is quiet and opened again by path, so a symlink put in its place meanwhile
 * must not redirect the log. A new file is created with mode 0640 (less the umask).
 */
public final class RotatingFileWriter implements Closeable, Flushable {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private final long maxSize;
    private final int retain;
    private final boolean compress;
    private final Clock clock;

    /**
     * The open file, written through {@link DirectBuffers}. Null while {@link #release() released}: the
     * next write opens the file again.
     */
    private FileChannel out;
    private boolean regular;
    private long size;
    private boolean atLineStart = true;
    private boolean closed;
    /** Bytes failed writes did not hand to the OS, not yet reported by {@link #takeDropped()}. */
    private long dropped;
    private long rotations;
    private long lastExistenceCheck = System.nanoTime();
    /** Bytes of the current {@link #write} call that reached the OS so far. */
    private int handedOver;

    /**
     * Opens (creating folders and file) {@code file} for appending.
     *
     * @param maxSize  rotate past this many bytes; 0 or less never rotates
     * @param retain   rotated copies kept; 0 deletes each copy at once
     * @param compress gzip rotated copies in the background
     * @throws IOException when the file cannot be opened; the message names it
     */
    public RotatingFileWriter(Path file, long maxSize, int retain, boolean compress) throws IOException {
        this(file, maxSize, retain, compress, Clock.systemDefaultZone());
    }

    /** As {@link #RotatingFileWriter(Path, long, int, boolean)}, naming rotated copies by {@code clock}. */
    public RotatingFileWriter(Path file, long maxSize, int retain, boolean compress, Clock clock)
            throws IOException {
        this.file = file.toAbsolutePath();
        this.maxSize = maxSize;
        this.retain = retain;
        this.compress = compress;
        this.clock = clock;
        open();
        if (regular && size > 0 && !endsWithNewline()) {
            // Whatever wrote last left a half line: start ours on a fresh one.
            write(new byte[] {'\n'}, 0, 1);
        }
    }

    public Path path() {
        return file;
    }

    /** Bytes in the current file. */
    public synchronized long size() {
        return size;
    }

    /** Appends one line (UTF-8, a newline added) and hands it to the OS at once. */
    public synchronized void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
        flush();
    }

    /**
     * Appends raw bytes, rotating first at the last line boundary that fits.
     *
     * @throws IOException when not every byte reached the OS; {@link #takeDropped()} then counts those
     *                     that did not (the ones that did are in the file)
     */
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        handedOver = 0;
        try {
            ensureOpen();
            recreateIfDeleted();
            writeRotating(b, off, len);
        } catch (IOException e) {
            dropped += len - handedOver;
            throw e;
        }
    }

    /** Whether the file ends with a newline (or is empty), as far as this writer wrote it. */
    synchronized boolean atLineStart() {
        return atLineStart;
    }

    private void writeRotating(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!regular || maxSize <= 0 || size + len <= maxSize) {
                append(b, off, len);
                return;
            }
            int n;
            if (!atLineStart) {
                // Finish the line the file ends with before rotating, so no line is split across files.
                n = throughNewline(b, off, len);
            } else {
                int room = (int) Math.min(len, Math.max(0, maxSize - size));
                n = lastNewline(b, off, room);
                if (n == 0) {
                    if (size > 0) {
                        rotate();
                        continue;
                    }
                    // A line longer than maxSize: it gets a file of its own.
                    n = throughNewline(b, off, len);
                }
            }
            append(b, off, n);
            off += n;
            len -= n;
            if (len > 0 || size >= maxSize) {
                if (atLineStart) {
                    rotate();
                }
            }
        }
    }

    /**
     * Nothing is buffered, so this only reopens the file if someone deleted it (PM2 #2633), as every
     * write also does (checking at most once a second).
     */
    @Override
    public synchronized void flush() throws IOException {
        if (closed) {
            return; // nothing waits to be written, so nothing is lost
        }
        recreateIfDeleted();
    }

    /**
     * How many bytes failed writes did not hand to the OS since the last call, so a writer that counts
     * lost output counts exactly those (a write that failed halfway did get its first part out).
     * Resets the count.
     */
    public synchronized long takeDropped() {
        long n = dropped;
        dropped = 0;
        return n;
    }

    /**
     * Closes the file while nothing is written; the next write (or rotate, truncate) opens it again,
     * appending. jsupd releases an app's logs whenever its pipes run dry: every descriptor jsupd holds
     * is one more that each new child has to close before it runs (about 2 µs each, so with 500 apps
     * and their files open, milliseconds per start). Only regular files: opening a FIFO can block.
     */
    public synchronized void release() throws IOException {
        if (!closed && out != null && regular) {
            FileChannel o = out;
            out = null;
            o.close();
        }
    }

    /** How many times this writer rotated its file. */
    public synchronized long rotations() {
        return rotations;
    }

    /** Renames the current file to a timestamped copy and starts an empty one. */
    public synchronized void rotate() throws IOException {
        ensureOpen();
        if (!regular) {
            return;
        }
        out.close();
        Path rotated = RotatedFiles.nameFor(file, clock.instant(), clock.getZone());
        try {
            Files.move(file, rotated, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // Someone deleted the file under us: there is nothing to keep, start a new one.
            open();
            return;
        }
        open();
        rotations++;
        RotatedFiles.prune(file, retain);
        if (compress && Files.exists(rotated)) {
            RotatedFiles.compressLater(rotated);
        }
    }

    /** Empties the current file in place (the writer keeps appending to it). */
    public synchronized void truncate() throws IOException {
        ensureOpen();
        if (regular) {
            out.truncate(0);
        }
        size = 0;
        atLineStart = true;
    }

    /** Deletes every rotated copy of this log. */
    public synchronized void deleteRotated() throws IOException {
        RotatedFiles.deleteAll(file);
    }

    /** The rotated copies of this log, oldest first. */
    public List<Path> rotatedFiles() throws IOException {
        return RotatedFiles.list(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (out != null) {
            out.close();
        }
    }

    private void open() throws IOException {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = NoFollowFiles.openAppend(file, NoFollowFiles.LOG_MODE);
        } catch (IOException e) {
            throw new IOException("cannot open log file " + file + " for writing (" + e
                    + "); fix its folder's permissions or choose another path", e);
        }
        regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        size = regular ? out.size() : 0;
        atLineStart = true;
    }

    /** After {@link #release()}: the same path again, appending; a file deleted meanwhile is made anew. */
    private void reopen() throws IOException {
        boolean wasAtLineStart = atLineStart;
        open();
        // Our own last byte is still the file's last byte, unless the file is new.
        atLineStart = size == 0 || wasAtLineStart;
        lastExistenceCheck = System.nanoTime();
    }

    private void recreateIfDeleted() throws IOException {
        long now = System.nanoTime();
        if (out != null && regular && now - lastExistenceCheck > RECHECK_NANOS) {
            lastExistenceCheck = now;
            if (!Files.exists(file)) {
                out.close();
                open();
            }
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, read.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private void append(byte[] b, int off, int len) throws IOException {
        long before = size;
        int n = len;
        ByteBuffer direct = DirectBuffers.take();
        // A FileChannel closes itself when a thread writing to it is interrupted: a caller's pending
        // interrupt must not cost every writer of this file its channel (restored below).
        boolean interrupted = Thread.interrupted();
        try {
            for (int done = 0; done < len; ) {
                int chunk = Math.min(len - done, direct.capacity());
                direct.clear().put(b, off + done, chunk).flip();
                while (direct.hasRemaining()) {
                    out.write(direct);
                }
                done += chunk;
            }
        } catch (IOException e) {
            // A write can fail halfway (disk full): the file's size says how much got out.
            n = regular ? (int) Math.max(0, Math.min(len, out.size() - before)) : 0;
            throw e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            DirectBuffers.give(direct);
            size += n;
            handedOver += n;
            if (n > 0) {
                atLineStart = b[off + n - 1] == '\n';
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("log file " + file + " is closed");
        }
        if (out == null || !out.isOpen()) { // released, or closed by an interrupt during a write
            reopen();
        }
    }

    /** Bytes up to and including the last '\n' within {@code b[off, off+len)}, or 0. */
    static int lastNewline(byte[] b, int off, int len) {
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n') {
                return i - off + 1;
            }
        }
        return 0;
    }

    /** Bytes up to and including the first '\n', or all of them when there is none. */
    private static int throughNewline(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                return i - off + 1;
            }
        }
        return len;
    }
}
