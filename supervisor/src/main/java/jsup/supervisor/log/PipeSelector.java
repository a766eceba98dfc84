package jsup.supervisor.log;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the stdout and stderr pipes of every captured child on one thread, so an app costs jsupd no
 * thread of its own for its output (two pump threads each were most of jsupd's memory per app).
 *
 * <p>How a child gets a pipe the selector can watch: {@link ProcessBuilder} only makes pipes behind
 * plain streams, which cannot be selected, so jsupd makes a {@link Pipe} itself and hands its write
 * end's descriptor {@code N} to whoever starts the child ({@link RunCapture}; the process package
 * starts it on that descriptor, or by the path {@code /proc/self/fd/N}). Learning {@code N} needs
 * {@code sun.nio.ch} exported to jsup (jsup.jar's manifest does, and bin/jsup and the tests pass
 * {@code --add-exports}); where it is not, or {@code /proc} does not behave, {@link #available()} is
 * false and apps get {@link PipePump} threads instead.
 *
 * <p>Each turn reads at most {@value #READS_PER_TURN} buffers from a pipe before the next ready pipe,
 * so one app printing as fast as it can does not starve the others. Writing to the files happens on
 * this thread: a log file that blocks (a FIFO nobody reads) would stop every app's output, so
 * {@link AppLog} only sends apps whose log files are regular files here. Back-pressure is unchanged:
 * while a write waits for the disk, the pipes fill and the children block in {@code write()}.
 *
 * <p>A pipe that has been quiet for {@value #RELEASE_AFTER_MILLIS} ms gets its log files closed
 * ({@link RotatingFileWriter#release()}), so a quiet app holds no descriptor but its pipes; not at
 * once, or an app printing in many small bursts would reopen its files for each.
 */
final class PipeSelector {

    static final int READS_PER_TURN = 4;
    static final long RELEASE_AFTER_MILLIS = 1000;

    private static final Method FD_VAL = usableFdAccess();
    private static PipeSelector shared;

    private final Selector selector;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    /** Pipes that ran dry, with when (nanoTime); only the selector thread touches it. */
    private final Map<LineCutter, Long> quiet = new HashMap<>();

    private PipeSelector() throws IOException {
        selector = Selector.open();
        Thread t = new Thread(this::run, "log-selector");
        t.setDaemon(true);
        t.start();
    }

    /** Whether children's output can be read by the shared selector in this JVM. */
    static boolean available() {
        return FD_VAL != null;
    }

    /** The selector of this JVM, started on first use; null when {@link #available()} is false. */
    static synchronized PipeSelector shared() {
        if (shared == null && available()) {
            try {
                shared = new PipeSelector();
            } catch (IOException e) {
                System.err.println("jsup: cannot open a selector (" + e.getMessage()
                        + "); reading app output with a thread per pipe");
                return null;
            }
        }
        return shared;
    }

    /**
     * Opens a stdout and a stderr pipe for one run, to be read by this selector through {@code out} and
     * {@code err} once the child runs on their write ends ({@link RunCapture#started}).
     *
     * @param drained handed back by {@link RunCapture#started}
     * @throws IOException when the pipes cannot be made; nothing is left open
     */
    RunCapture open(LineCutter out, LineCutter err, CompletableFuture<Void> drained) throws IOException {
        Pipe outPipe = Pipe.open();
        try {
            Pipe errPipe = Pipe.open();
            try {
                outPipe.source().configureBlocking(false);
                errPipe.source().configureBlocking(false);
                return new Capture(outPipe, errPipe, fdOf(outPipe.sink()), fdOf(errPipe.sink()), out, err, drained);
            } catch (IOException | RuntimeException e) {
                closeAll(errPipe);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            closeAll(outPipe);
            throw e;
        }
    }

    /** Two pipes whose write ends a child is started on. */
    private final class Capture implements RunCapture {
        private final Pipe outPipe;
        private final Pipe errPipe;
        private final int outFd;
        private final int errFd;
        private final LineCutter out;
        private final LineCutter err;
        private final CompletableFuture<Void> drained;

        Capture(Pipe outPipe, Pipe errPipe, int outFd, int errFd, LineCutter out, LineCutter err,
                CompletableFuture<Void> drained) {
            this.outPipe = outPipe;
            this.errPipe = errPipe;
            this.outFd = outFd;
            this.errFd = errFd;
            this.out = out;
            this.err = err;
            this.drained = drained;
        }

        @Override
        public int outFd() {
            return outFd;
        }

        @Override
        public int errFd() {
            return errFd;
        }

        @Override
        public CompletableFuture<Void> started(Process process) {
            // jsupd's copies of the write ends: once the child holds its own, EOF must come when it exits.
            closeQuietly(outPipe.sink());
            closeQuietly(errPipe.sink());
            pending.add(new Registration(outPipe.source(), out));
            pending.add(new Registration(errPipe.source(), err));
            selector.wakeup();
            return drained;
        }

        @Override
        public void abandon() {
            closeAll(outPipe);
            closeAll(errPipe);
        }
    }

    private static void closeAll(Pipe pipe) {
        closeQuietly(pipe.sink());
        closeQuietly(pipe.source());
    }

    static int fdOf(Pipe.SinkChannel sink) throws IOException {
        try {
            return (Integer) FD_VAL.invoke(sink);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot reach the pipe's descriptor: " + e, e);
        }
    }

    private void run() {
        byte[] buf = new byte[ReadBuffers.SIZE];
        ByteBuffer window = ByteBuffer.wrap(buf);
        while (true) {
            try {
                long wait = nextRelease();
                if (wait < 0) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, wait));
                }
            } catch (IOException e) {
                System.err.println("jsup: log-selector: " + e.getMessage());
                continue;
            }
            for (Registration r; (r = pending.poll()) != null; ) {
                try {
                    r.source.register(selector, SelectionKey.OP_READ, r.lines);
                } catch (IOException e) {
                    closeQuietly(r.source);
                    end(r.lines, buf, new IOException("cannot watch the pipe: " + e.getMessage(), e));
                }
            }
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                read(key, buf, window);
            }
            releaseQuietFiles();
        }
    }

    /** Milliseconds until the next quiet pipe's files are due to be released, or -1 when none is waiting. */
    private long nextRelease() {
        if (quiet.isEmpty()) {
            return -1;
        }
        long oldest = Collections.min(quiet.values());
        return TimeUnit.NANOSECONDS.toMillis(oldest - System.nanoTime()) + RELEASE_AFTER_MILLIS;
    }

    private void releaseQuietFiles() {
        if (quiet.isEmpty()) {
            return;
        }
        long due = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(RELEASE_AFTER_MILLIS);
        Iterator<Map.Entry<LineCutter, Long>> it = quiet.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<LineCutter, Long> e = it.next();
            if (e.getValue() - due <= 0) {
                it.remove();
                e.getKey().releaseFiles();
            }
        }
    }

    /** Reads what {@code key}'s pipe holds (up to a few buffers) into the files; ends it at EOF. */
    private void read(SelectionKey key, byte[] buf, ByteBuffer window) {
        LineCutter lines = (LineCutter) key.attachment();
        Pipe.SourceChannel source = (Pipe.SourceChannel) key.channel();
        lines.attach(buf);
        IOException failure = null;
        boolean ended = false;
        boolean dry = false;
        try {
            for (int i = 0; i < READS_PER_TURN; i++) {
                int room = buf.length - lines.carry();
                window.limit(buf.length).position(lines.carry());
                int n = source.read(window);
                if (n <= 0) {
                    ended = n < 0;
                    dry = n == 0;
                    break;
                }
                lines.accept(n);
                if (n < room) {
                    // Less than asked for: the pipe is empty now. Another read would only say so
                    // (EAGAIN); whatever comes next wakes the selector again.
                    dry = true;
                    break;
                }
            }
        } catch (IOException e) {
            failure = e;
            ended = true;
        } catch (RuntimeException e) {
            // A bug must end this pipe's capture (visibly), not the thread every app is read by.
            failure = new IOException("internal error: " + e, e);
            ended = true;
        }
        if (ended) {
            key.cancel();
            closeQuietly(source);
            quiet.remove(lines);
            lines.finish(failure);
        } else {
            lines.detach(dry);
            if (dry) {
                quiet.put(lines, System.nanoTime());
            } else {
                quiet.remove(lines);
            }
        }
    }

    private static void end(LineCutter lines, byte[] buf, IOException failure) {
        if (lines.pending()) {
            lines.attach(buf);
        }
        lines.finish(failure);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /**
     * {@code SelChImpl.getFDVal()} if this JVM lets jsup call it and a pipe opened by its
     * {@code /proc/self/fd} path really is the same pipe; null otherwise.
     */
    private static Method usableFdAccess() {
        try {
            Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            Pipe probe = Pipe.open();
            try (Pipe.SourceChannel source = probe.source(); Pipe.SinkChannel sink = probe.sink()) {
                Path path = Path.of("/proc/self/fd/" + m.invoke(sink));
                Files.write(path, "ok".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer got = ByteBuffer.allocate(2);
                while (got.hasRemaining() && source.read(got) > 0) {
                    // the two bytes are in the pipe already
                }
                return new String(got.array(), StandardCharsets.US_ASCII).equals("ok") ? m : null;
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private record Registration(Pipe.SourceChannel source, LineCutter lines) {
    }
}
