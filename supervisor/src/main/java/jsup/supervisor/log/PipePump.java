package jsup.supervisor.log;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one of a child's pipes on its own thread until EOF, through a {@link LineCutter}. Used for
 * an app whose log is not a regular file (a FIFO, a device): writing there can block for ever, and
 * then only this app's pumps wait, not the {@link PipeSelector} every other app is read by. Also the
 * fallback where the JVM does not let jsup reach the file descriptors the selector needs.
 *
 * <p>Memory: while the pipe is empty the pump waits in a one-byte read and holds no buffer of its own
 * (only a half line, if one is pending); a 64 KiB buffer from {@link ReadBuffers} is borrowed as soon
 * as data arrives and given back when the pipe runs dry. A slow disk stops this pump only: the pipe
 * fills and the child blocks in {@code write()} until the disk catches up (back-pressure; nothing is
 * dropped).
 */
final class PipePump implements Runnable {

    private final InputStream in;
    private final LineCutter lines;
    private IOException failure;

    PipePump(InputStream in, LineCutter lines) {
        this.in = in;
        this.lines = lines;
    }

    @Override
    public void run() {
        try (in) {
            while (true) {
                int n;
                if (in.available() > 0) {
                    borrow();
                    byte[] buf = lines.buffer();
                    n = in.read(buf, lines.carry(), buf.length - lines.carry()); // data is there: does not block
                } else {
                    giveBack();
                    int first = in.read(); // waits holding no buffer
                    if (first >= 0) {
                        borrow();
                        lines.buffer()[lines.carry()] = (byte) first;
                        n = 1;
                    } else {
                        n = -1;
                    }
                }
                if (n < 0) {
                    break;
                }
                lines.accept(n);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            finish();
        }
    }

    private void finish() {
        if (lines.pending()) {
            borrow();
        }
        byte[] buf = lines.attached() ? lines.buffer() : null;
        try {
            lines.finish(failure);
        } finally {
            if (buf != null) {
                ReadBuffers.give(buf);
            }
        }
    }

    private void borrow() {
        if (!lines.attached()) {
            lines.attach(ReadBuffers.take());
        }
    }

    private void giveBack() {
        if (lines.attached()) {
            ReadBuffers.give(lines.detach(true));
            lines.releaseFiles(); // this thread now waits in read(): no later moment to do it
        }
    }
}
