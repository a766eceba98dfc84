package jsup.supervisor.daemonlog;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * jsupd's own log, {@code jsupd.log}: one line per event,
 * {@code 2026-11-28T13:29:34.938Z INFO  [jsup-engine] apps: [tcp] online -> launching (signal SIGKILL)},
 * rotated at 10 MB into {@code jsupd.1.log} … {@code jsupd.5.log} (the oldest dropped).
 *
 * <p>Written here rather than through a logging library: Logback's ~270 classes stayed in jsupd's
 * memory for its whole life (about 2.5 MB of its RSS) for a file that gets a few lines a minute. Before
 * {@link #configure} (and after {@link #stop}) lines go to stderr.
 *
 * <p>The engine's lines ({@link #engine}) are only queued on the engine thread (time and thread taken
 * there, so the file shows when each event happened) and formatted and written by the {@code jsupd-log}
 * thread: both sit between a crash and the relaunch otherwise. Queueing takes no lock the writer holds
 * while it writes, and the writer lets a burst gather for {@value #LINGER_MILLIS} ms before it wakes
 * for good, so it does not compete for a CPU with the relaunch the lines are about. One queue, one
 * writer: lines keep their order.
 * Nothing is dropped (a full queue makes the engine wait), and {@link #stop} writes what is queued.
 * Other lines are written at once by the thread that logs them.
 */
public final class JsupdLog {

    static final long MAX_SIZE = 10L * 1024 * 1024;
    static final int KEEP = 5;
    /** Lines the engine may queue before it waits for the writer: a 500-app start logs 1500. */
    static final int ENGINE_QUEUE = 4096;
    /** How long the writer lets a burst of engine lines gather before it writes them. */
    static final long LINGER_MILLIS = 20;
    /** How long a stop waits for queued engine lines to reach the file. */
    static final long FLUSH_MILLIS = 5000;

    private static final LogStamp STAMP = new LogStamp(ZoneId.systemDefault());
    private static final Object LOCK = new Object();
    private static final BlockingQueue<Event> QUEUE = new ArrayBlockingQueue<>(ENGINE_QUEUE);
    /** Engine lines queued and not yet written (counted before they enter the queue). */
    private static final AtomicInteger UNWRITTEN = new AtomicInteger();
    private static Path file;
    private static FileOutputStream out;
    private static long size;
    /** Set once, by the first {@link #configure}; read without the lock by {@link #enqueue}. */
    private static volatile Thread writer;

    private JsupdLog() {
    }

    /** A logger named after {@code type}'s simple name, writing at once. */
    public static Logger logger(Class<?> type) {
        return new Logger(type.getSimpleName(), false);
    }

    /** The engine's logger, {@code apps}: queued, see the class comment. */
    public static Logger engine() {
        return new Logger("apps", true);
    }

    /** Sends every line of this JVM to {@code path} from now on (closing a file configured before). */
    public static void configure(Path path) {
        synchronized (LOCK) {
            closeFile();
            file = path;
            if (writer == null) {
                writer = new Thread(JsupdLog::drain, "jsupd-log");
                writer.setDaemon(true);
                writer.start();
            }
        }
    }

    /** Writes what is queued (waiting at most 5 s) and closes the file; later lines go to stderr. */
    public static void stop() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
        synchronized (LOCK) {
            while (UNWRITTEN.get() > 0 && writer != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closeFile();
            file = null;
        }
    }

    /** One named source of lines. Messages use SLF4J's {@code {}} placeholders. */
    public static final class Logger {
        private final String name;
        private final boolean queued;

        Logger(String name, boolean queued) {
            this.name = name;
            this.queued = queued;
        }

        public void info(String message, Object... args) {
            log("INFO ", message, args);
        }

        public void warn(String message, Object... args) {
            log("WARN ", message, args);
        }

        /** A last argument that is a Throwable and has no placeholder of its own adds its stack trace. */
        public void error(String message, Object... args) {
            log("ERROR", message, args);
        }

        private void log(String level, String message, Object[] args) {
            Event e = new Event(Instant.now(), level, Thread.currentThread().getName(), name, message, args);
            if (queued && writer != null) {
                enqueue(e);
            } else {
                write(e.line());
            }
        }
    }

    /** A line not yet formatted: what the logging thread knew, and when. */
    private record Event(Instant at, String level, String thread, String logger, String message, Object[] args) {
        String line() {
            return format(at, level, thread, logger, message, args);
        }
    }

    /** The line as it goes to the file, ending with a newline. */
    static String format(Instant at, String level, String thread, String logger, String message, Object[] args) {
        StringBuilder b = new StringBuilder(64 + message.length());
        STAMP.append(b, at);
        b.append(' ').append(level).append(" [").append(thread).append("] ")
                .append(logger).append(": ");
        int used = 0;
        int from = 0;
        for (int at2 = message.indexOf("{}"); at2 >= 0 && used < args.length; at2 = message.indexOf("{}", from)) {
            b.append(message, from, at2).append(args[used++]);
            from = at2 + 2;
        }
        b.append(message, from, message.length()).append('\n');
        if (used < args.length && args[args.length - 1] instanceof Throwable) {
            StringWriter trace = new StringWriter();
            ((Throwable) args[args.length - 1]).printStackTrace(new PrintWriter(trace));
            b.append(trace);
        }
        return b.toString();
    }

    private static void enqueue(Event e) {
        UNWRITTEN.incrementAndGet();
        try {
            QUEUE.put(e);
        } catch (InterruptedException interrupted) {
            UNWRITTEN.decrementAndGet();
            Thread.currentThread().interrupt();
            write(e.line()); // never lose the line
        }
    }

    private static void write(String line) {
        synchronized (LOCK) {
            writeLocked(line);
        }
    }

    private static void drain() {
        List<Event> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(QUEUE.take());
                // Engine lines come in bursts (a restart logs three while it relaunches the app):
                // stay off the CPU until the burst is over, then write them together.
                Thread.sleep(LINGER_MILLIS);
            } catch (InterruptedException interrupted) {
                // the daemon thread lives as long as the JVM; write what it has
            }
            QUEUE.drainTo(batch);
            try {
                // One write for the burst: a restart's three lines cost one system call, not three.
                StringBuilder text = new StringBuilder(128 * batch.size());
                for (Event e : batch) {
                    text.append(e.line());
                }
                write(text.toString());
            } finally {
                UNWRITTEN.addAndGet(-batch.size());
                batch.clear();
                synchronized (LOCK) {
                    LOCK.notifyAll();
                }
            }
        }
    }

    private static void writeLocked(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (file != null) {
            try {
                if (out == null) {
                    open();
                } else if (size > 0 && size + bytes.length > MAX_SIZE) {
                    rotate();
                }
                out.write(bytes);
                size += bytes.length;
                return;
            } catch (IOException e) {
                closeFile();
                System.err.print("jsupd: cannot write " + file + " (" + e + "); this line goes to stderr:\n");
            }
        }
        System.err.print(line);
        System.err.flush();
    }

    private static void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = new FileOutputStream(file.toFile(), true);
        size = out.getChannel().size();
    }

    /** jsupd.log becomes jsupd.1.log, .1 becomes .2 and so on; the oldest is dropped. */
    private static void rotate() throws IOException {
        closeFile();
        Files.deleteIfExists(numbered(KEEP));
        for (int i = KEEP - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.exists(file)) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    static Path numbered(Path base, int i) {
        String name = base.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return base.resolveSibling(stem + "." + i + ".log");
    }

    private static Path numbered(int i) {
        return numbered(file, i);
    }

    private static void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                System.err.println("jsupd: closing " + file + ": " + e);
            }
            out = null;
        }
    }
}
