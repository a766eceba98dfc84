package jsup.supervisor.log;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * Reads one of a child's pipes until EOF and writes what it read straight into the files, cut at
 * the last newline of each read so only whole lines are written. No decoding: bytes stay bytes, and
 * the bytes of a read are written from the read buffer without another copy (unless stamped).
 *
 * <p>Memory: while the pipe is empty the pump waits in a one-byte read and holds no buffer of its own
 * (only a half line, if one is pending, in an array of its exact size); a 64 KiB buffer from
 * {@link ReadBuffers} is borrowed as soon as data arrives and given back when the pipe runs dry.
 *
 * <p>A line without a newline waits here until its newline arrives, the 64 KiB buffer fills (the
 * line is then written in pieces) or the pipe ends (it is written with a newline added, so the next
 * run starts on a fresh line). A slow disk stops this pump only: the pipe fills and the child
 * blocks in {@code write()} until the disk catches up (back-pressure; nothing is dropped).
 */
final class PipePump implements Runnable {

    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final Pipe pipe;
    private final CaptureWriter writer;
    private final Clock clock;
    private IOException failure;

    private byte[] buf;
    private int carry;
    /** The pending half line while no buffer is held. */
    private byte[] parked = NONE;

    PipePump(InputStream in, Pipe pipe, CaptureWriter writer, Clock clock) {
        this.in = in;
        this.pipe = pipe;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void run() {
        try (in) {
            while (true) {
                int n;
                if (in.available() > 0) {
                    borrow();
                    n = in.read(buf, carry, buf.length - carry); // data is there: does not block
                } else {
                    giveBack();
                    int first = in.read(); // waits holding no buffer
                    if (first >= 0) {
                        borrow();
                        buf[carry] = (byte) first;
                        n = 1;
                    } else {
                        n = -1;
                    }
                }
                if (n < 0) {
                    break;
                }
                writeWholeLines(n);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            finish();
        }
    }

    /** {@code n} new bytes sit at {@code buf[carry]}: writes the whole lines, keeps the rest. */
    private void writeWholeLines(int n) {
        int end = carry + n;
        int whole = RotatingFileWriter.lastNewline(buf, carry, n);
        if (whole > 0) {
            int cut = carry + whole;
            writer.write(pipe, buf, 0, cut, clock.millis());
            System.arraycopy(buf, cut, buf, 0, end - cut);
            carry = end - cut;
        } else if (end == buf.length) {
            writer.write(pipe, buf, 0, end, clock.millis()); // a line longer than the buffer: in pieces
            carry = 0;
        } else {
            carry = end;
        }
    }

    private void finish() {
        try {
            if (buf == null && parked.length > 0) {
                borrow();
            }
            if (carry > 0) {
                buf[carry] = '\n'; // carry < buf.length: a full buffer is always written out
                writer.write(pipe, buf, 0, carry + 1, clock.millis());
                carry = 0;
            }
        } finally {
            giveBack();
            writer.pipeDone(failure);
        }
    }

    private void borrow() {
        if (buf == null) {
            buf = ReadBuffers.take();
            System.arraycopy(parked, 0, buf, 0, parked.length);
            carry = parked.length;
            parked = NONE;
        }
    }

    private void giveBack() {
        if (buf != null) {
            parked = carry == 0 ? NONE : Arrays.copyOf(buf, carry);
            ReadBuffers.give(buf);
            buf = null;
            writer.idle(pipe);
        }
    }
}
