package jsup.supervisor.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one capture's output into the log files, adding timestamps when asked. Called with whole
 * lines only, by the shared {@code log-selector} thread ({@link PipeSelector}, both pipes) or by the
 * capture's two {@link PipePump} threads; a file both pipes go to (the combined log) keeps every line
 * whole because each write holds that file's lock. On the selector a slow disk holds up every app it
 * reads, which is why only apps whose logs are all regular files go there; a FIFO or a device holds
 * up only its own app's pumps.
 *
 * <p>A failed write (disk full, file gone) is not silent: it is reported on stderr once, the bytes
 * that did not reach the file are counted, and the next successful write to that file first records
 * how many bytes were lost. Once both pipes are done, {@link #done()} completes, exceptionally when
 * output could not be read or was lost.
 */
final class CaptureWriter {

    private final String app;
    private final LogTargets targets;
    private final LineStamper[] stampers = new LineStamper[Pipe.values().length];
    /** Lost output per file; an entry is read and changed only under that file's lock. */
    private final Map<RotatingFileWriter, Lost> lost = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int pipesOpen = Pipe.values().length;
    private IOException readFailure;
    private final LogCounts counts;

    /** @param stamps formats each line's prefix, or null for no timestamps */
    CaptureWriter(String app, LogTargets targets, DateTimeFormatter stamps) {
        this(app, targets, stamps, new LogCounts(java.util.List.of()));
    }

    /** @param counts where the bytes of each stream are counted */
    CaptureWriter(String app, LogTargets targets, DateTimeFormatter stamps, LogCounts counts) {
        this.app = app;
        this.counts = counts;
        this.targets = targets;
        if (stamps != null) {
            for (Pipe p : Pipe.values()) {
                stampers[p.ordinal()] = new LineStamper(stamps);
            }
        }
    }

    /**
     * Completes once every pipe is done and all its output was handed to the OS; completes
     * exceptionally when output could not be read or written (the message says how much and where).
     */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Writes {@code data[off, off+len)}, read from {@code pipe} at {@code readAtMillis}, to its files. */
    void write(Pipe pipe, byte[] data, int off, int len, long readAtMillis) {
        counts.add(pipe, len);
        LineStamper stamper = stampers[pipe.ordinal()];
        if (stamper != null) {
            len = stamper.stamp(data, off, len, readAtMillis);
            data = stamper.stamped();
            off = 0;
        }
        for (RotatingFileWriter target : targets.forPipe(pipe)) {
            writeTo(target, data, off, len);
        }
    }

    /** {@code pipe} ran dry: drop what it only needs under load. */
    void idle(Pipe pipe) {
        LineStamper stamper = stampers[pipe.ordinal()];
        if (stamper != null) {
            stamper.shrink();
        }
    }

    /**
     * Closes {@code pipe}'s files until its next line (see {@link RotatingFileWriter#release()}); a file
     * the other pipe writes too is simply opened again by its next write.
     */
    void releaseFiles(Pipe pipe) {
        for (RotatingFileWriter target : targets.forPipe(pipe)) {
            synchronized (target) {
                if (lost.containsKey(target)) {
                    continue; // keep the failing file as it is until a write works again
                }
                try {
                    target.release();
                } catch (IOException e) {
                    // Closing found an error the last writes did not report: count it like a failed write.
                    lostTo(target, e);
                }
            }
        }
    }

    /** A pipe reached EOF (or failed with {@code failure}, else null); the last one completes {@link #done()}. */
    void pipeDone(IOException failure) {
        synchronized (this) {
            if (failure != null && readFailure == null) {
                readFailure = failure;
            }
            if (--pipesOpen > 0) {
                return;
            }
        }
        IOException problem = problem();
        if (problem == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(problem);
        }
    }

    private IOException problem() {
        IOException read;
        synchronized (this) {
            read = readFailure;
        }
        if (read != null) {
            return new IOException("reading " + app + "'s output failed: " + read, read);
        }
        for (Map.Entry<RotatingFileWriter, Lost> e : lost.entrySet()) {
            long bytes;
            synchronized (e.getKey()) {
                bytes = e.getValue().bytes;
            }
            return new IOException((bytes > 0 ? bytes + " bytes" : "some") + " of " + app
                    + "'s output could not be written to " + e.getKey().path() + ": "
                    + e.getValue().cause.getMessage() + "; check free space and permissions", e.getValue().cause);
        }
        return null;
    }

    private void writeTo(RotatingFileWriter target, byte[] data, int off, int len) {
        synchronized (target) {
            Lost before = lost.get(target);
            if (before != null) {
                String note = (target.atLineStart() ? "" : "\n") + "[jsup] " + before.bytes
                        + " bytes of output were lost here: " + before.cause.getMessage() + "\n";
                byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
                try {
                    target.write(bytes, 0, bytes.length);
                    lost.remove(target);
                } catch (IOException e) {
                    target.takeDropped(); // the note's own bytes are not output
                    before.bytes += len; // still failing: do not try this chunk
                    return;
                }
            }
            try {
                target.write(data, off, len);
            } catch (IOException e) {
                // Exactly what did not reach the file: a write can fail halfway.
                lostTo(target, e).bytes += target.takeDropped();
            }
        }
    }

    /** The count of output lost to {@code target}, started (and reported once) at the first failure. */
    private Lost lostTo(RotatingFileWriter target, IOException e) {
        return lost.computeIfAbsent(target, t -> {
            System.err.println("jsup: log-" + app + ": cannot write " + t.path() + " (" + e.getMessage()
                    + "); counting the lost output until writing works again");
            return new Lost(e);
        });
    }

    private static final class Lost {
        final IOException cause;
        long bytes;

        Lost(IOException cause) {
            this.cause = cause;
        }
    }
}
