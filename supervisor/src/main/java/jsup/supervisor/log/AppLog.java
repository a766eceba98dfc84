package jsup.supervisor.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;

/**
 * The log files of one app: {@code out_file}, {@code error_file} and the optional combined
 * {@code log_file}, each a {@link RotatingFileWriter} with the app's rotation settings. One instance
 * lives across the app's restarts; each run's process is attached with {@link #capture(Process)}.
 *
 * <p>A capture costs one pump thread per pipe and nothing else while the app is quiet: no writer
 * thread, no queue, no buffers (see {@link PipePump}). Captures may overlap (a restarted app's new
 * process while the old pipes still drain); each has its own pumps, and lines stay whole in every file.
 */
public final class AppLog implements Closeable {

    /**
     * A pump's stack: its deepest path is a rotation (rename, list, prune). The JVM raises it to its own
     * minimum where that is larger (about 136 KiB on x86-64 Linux); only touched pages count in RSS.
     */
    private static final long PUMP_STACK = 128 * 1024;

    private final String app;
    private final Clock clock;
    private final LogTargets targets;
    private final List<RotatingFileWriter> files;
    private final DateTimeFormatter stamps;
    private volatile boolean closed;

    private AppLog(String app, Clock clock, LogTargets targets, DateTimeFormatter stamps) {
        this.app = app;
        this.clock = clock;
        this.targets = targets;
        this.files = targets.all();
        this.stamps = stamps;
    }

    /**
     * Opens (creating folders and files) the app's logs.
     *
     * @throws UncheckedIOException when a log file cannot be opened; the message names the file
     * @throws IllegalArgumentException when {@code log_date_format} is malformed
     */
    public static AppLog open(AppSpec spec) {
        return open(spec, Clock.systemDefaultZone());
    }

    /** As {@link #open(AppSpec)}, with the clock used for timestamps and rotated file names. */
    public static AppLog open(AppSpec spec, Clock clock) {
        DateTimeFormatter stamps = spec.time() ? LogDateFormat.formatter(spec.logDateFormat(), clock.getZone()) : null;
        Map<Path, RotatingFileWriter> byPath = new HashMap<>();
        try {
            RotatingFileWriter out = writer(byPath, spec.outFile(), spec, clock);
            RotatingFileWriter err = writer(byPath, spec.errorFile(), spec, clock);
            RotatingFileWriter combined = spec.logFile() == null ? null : writer(byPath, spec.logFile(), spec, clock);
            return new AppLog(spec.name(), clock, LogTargets.of(out, err, combined), stamps);
        } catch (IOException e) {
            for (RotatingFileWriter w : byPath.values()) {
                closeQuietly(w);
            }
            throw new UncheckedIOException("app " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pumps the child's stdout and stderr into the files until both reach EOF.
     *
     * @return completes once both pipes are at EOF and every byte was handed to the OS; completes
     *         exceptionally when output could not be read or written (the message says how much)
     */
    public CompletableFuture<Void> capture(Process process) {
        if (closed) {
            throw new IllegalStateException("the logs of app " + app + " are closed; open a new AppLog");
        }
        CaptureWriter writer = new CaptureWriter(app, targets, stamps);
        start("log-" + app + "-out", new PipePump(process.getInputStream(), Pipe.OUT, writer, clock));
        start("log-" + app + "-err", new PipePump(process.getErrorStream(), Pipe.ERR, writer, clock));
        return writer.done();
    }

    /**
     * Empties every log file of the app and deletes its rotated copies ({@code jsup flush}). Safe while
     * the app keeps writing: each file is truncated under its writer's lock, and lines written after
     * that land in the emptied file.
     *
     * @throws UncheckedIOException when a file cannot be truncated; the message names it
     */
    public void flush() {
        for (RotatingFileWriter w : files) {
            try {
                w.truncate();
                w.deleteRotated();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush " + w.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The distinct files this app logs to: out, error, then the combined one. */
    public List<Path> files() {
        return files.stream().map(RotatingFileWriter::path).toList();
    }

    /**
     * Closes the files. Call it after the app's processes are gone: a capture still running then ends
     * exceptionally, counting the output it could not write.
     */
    @Override
    public void close() {
        closed = true;
        for (RotatingFileWriter w : files) {
            closeQuietly(w);
        }
    }

    private static RotatingFileWriter writer(Map<Path, RotatingFileWriter> byPath, Path file, AppSpec spec,
                                             Clock clock) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        RotatingFileWriter existing = byPath.get(key);
        if (existing != null) {
            return existing;
        }
        RotatingFileWriter w = new RotatingFileWriter(key, spec.logMaxSize(), spec.logRetain(), spec.logCompress(), clock);
        byPath.put(key, w);
        return w;
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(null, r, name, PUMP_STACK);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(RotatingFileWriter w) {
        try {
            w.close();
        } catch (IOException e) {
            System.err.println("jsup: closing " + w.path() + ": " + e.getMessage());
        }
    }
}
