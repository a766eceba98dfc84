package jsup.supervisor.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.LogDateFormat;

/**
 * The log files of one app: {@code out_file}, {@code error_file} and the optional combined
 * {@code log_file}, each a {@link RotatingFileWriter} with the app's rotation settings. One instance
 * lives across the app's restarts; each run's output is captured through {@link #capture()}, whose pipes
 * the child is started on (by the process package: log capture never starts a process).
 *
 * <p>A quiet app costs no thread and no buffer: its pipes wait in the shared {@link PipeSelector}
 * (or, for logs that are not regular files, in two {@link PipePump} threads). Captures may overlap (a
 * restarted app's new process while the old pipes still drain); each has its own pipes, and lines stay
 * whole in every file.
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
    /** Pump threads for every app, never the selector (tests of the fallback). */
    private final boolean ownThreads;
    private volatile boolean closed;
    private final LogCounts counts;

    private AppLog(String app, Clock clock, LogTargets targets, DateTimeFormatter stamps, boolean ownThreads) {
        this.app = app;
        this.ownThreads = ownThreads;
        this.clock = clock;
        this.targets = targets;
        this.files = targets.all();
        this.counts = new LogCounts(files);
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
        return open(spec, clock, false);
    }

    /** As {@link #open(AppSpec)}, but every capture gets its own pump threads (the fallback path). */
    static AppLog openWithPumpThreads(AppSpec spec) {
        return open(spec, Clock.systemDefaultZone(), true);
    }

    private static AppLog open(AppSpec spec, Clock clock, boolean ownThreads) {
        DateTimeFormatter stamps = spec.time() ? LogDateFormat.formatter(spec.logDateFormat(), clock.getZone()) : null;
        Map<Path, RotatingFileWriter> byPath = new HashMap<>();
        try {
            RotatingFileWriter out = writer(byPath, spec.outFile(), spec, clock);
            RotatingFileWriter err = writer(byPath, spec.errorFile(), spec, clock);
            RotatingFileWriter combined = spec.logFile() == null ? null : writer(byPath, spec.logFile(), spec, clock);
            for (RotatingFileWriter w : byPath.values()) {
                w.release(); // opened to check them; held again only while the app writes
            }
            return new AppLog(spec.name(), clock, LogTargets.of(out, err, combined), stamps, ownThreads);
        } catch (IOException e) {
            for (RotatingFileWriter w : byPath.values()) {
                closeQuietly(w);
            }
            throw new UncheckedIOException("app " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the capture of one run: the pipes its child is to be started on, read into the files until
     * both reach EOF. Apps whose log files are all regular files are read by the shared
     * {@link PipeSelector}; the others (or all, where it is not available) get a {@link PipePump} thread
     * per pipe, so a FIFO that stops reading holds up only its own app.
     *
     * @throws IOException when the pipes cannot be made; nothing is left open
     */
    public RunCapture capture() throws IOException {
        if (closed) {
            throw new IllegalStateException("the logs of app " + app + " are closed; open a new AppLog");
        }
        CaptureWriter writer = new CaptureWriter(app, targets, stamps, counts);
        LineCutter out = new LineCutter(Pipe.OUT, writer, clock);
        LineCutter err = new LineCutter(Pipe.ERR, writer, clock);
        PipeSelector selector = ownThreads || !allRegularFiles() ? null : PipeSelector.shared();
        if (selector != null) {
            return selector.open(out, err, writer.done());
        }
        return new PumpCapture(out, err, writer.done());
    }

    /** Reads the pipes {@link ProcessBuilder} made for the child, with a pump thread each. */
    private final class PumpCapture implements RunCapture {
        private final LineCutter out;
        private final LineCutter err;
        private final CompletableFuture<Void> drained;

        PumpCapture(LineCutter out, LineCutter err, CompletableFuture<Void> drained) {
            this.out = out;
            this.err = err;
            this.drained = drained;
        }

        @Override
        public int outFd() {
            return -1;
        }

        @Override
        public int errFd() {
            return -1;
        }

        @Override
        public CompletableFuture<Void> started(Process process) {
            startThread("log-" + app + "-out", new PipePump(process.getInputStream(), out));
            startThread("log-" + app + "-err", new PipePump(process.getErrorStream(), err));
            return drained;
        }

        @Override
        public void abandon() {
        }
    }

    private boolean allRegularFiles() {
        return files.stream().allMatch(w -> Files.isRegularFile(w.path()));
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
    /** What these logs took in since they were opened. */
    public LogCounts counts() {
        return counts;
    }

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

    private static void startThread(String name, Runnable r) {
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
