package jsup.supervisor.log;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;

/**
 * What turns the bytes read from one pipe into whole lines in the files: the reader lends a buffer
 * with {@link #attach}, reads into {@link #buffer()} from {@link #carry()} on, reports each read with
 * {@link #accept}, and takes the buffer back with {@link #detach}. Whole lines are written at once,
 * cut at the last newline of each read; the half line after it waits here (in an array of its exact
 * size while no buffer is attached) until its newline arrives, the buffer fills (it is then written
 * in pieces) or the pipe ends ({@link #finish}: written with a newline added, so the next run starts
 * on a fresh line). No decoding: bytes stay bytes, written from the read buffer without another copy
 * (unless stamped).
 *
 * <p>Used by one reader at a time: a {@link PipePump} thread, or the {@link PipeSelector} thread.
 */
final class LineCutter {

    private static final byte[] NONE = new byte[0];

    private final Pipe pipe;
    private final CaptureWriter writer;
    private final Clock clock;

    private byte[] buf;
    private int carry;
    /** The pending half line while no buffer is attached. */
    private byte[] parked = NONE;

    LineCutter(Pipe pipe, CaptureWriter writer, Clock clock) {
        this.pipe = pipe;
        this.writer = writer;
        this.clock = clock;
    }

    boolean attached() {
        return buf != null;
    }

    /** Lends {@code buffer} (of {@link ReadBuffers#SIZE} bytes); the parked half line moves into it. */
    void attach(byte[] buffer) {
        System.arraycopy(parked, 0, buffer, 0, parked.length);
        buf = buffer;
        carry = parked.length;
        parked = NONE;
    }

    /** The attached buffer; read into it from {@link #carry()} to its end. */
    byte[] buffer() {
        return buf;
    }

    /** Where the next read goes: the bytes before it are a half line. Always less than the buffer's size. */
    int carry() {
        return carry;
    }

    /** {@code n} new bytes sit at {@code buffer()[carry()]}: writes the whole lines, keeps the rest. */
    void accept(int n) {
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

    /**
     * Parks the half line and returns the buffer. {@code dry}: the pipe is empty, so the writer drops
     * what it needs only under load.
     */
    byte[] detach(boolean dry) {
        byte[] b = buf;
        parked = carry == 0 ? NONE : Arrays.copyOf(b, carry);
        buf = null;
        if (dry) {
            writer.idle(pipe);
        }
        return b;
    }

    /** The pipe has been quiet for a while: its log files are closed until its next line. */
    void releaseFiles() {
        writer.releaseFiles(pipe);
    }

    /** True while a half line waits for its newline. */
    boolean pending() {
        return buf == null ? parked.length > 0 : carry > 0;
    }

    /**
     * The pipe ended (with {@code failure}, else null): writes the half line with a newline added and
     * tells the writer. A buffer must be attached if {@link #pending()}; it is released (not returned).
     */
    void finish(IOException failure) {
        try {
            if (carry > 0) {
                buf[carry] = '\n'; // carry < buf.length: a full buffer is always written out
                writer.write(pipe, buf, 0, carry + 1, clock.millis());
            }
        } finally {
            buf = null;
            carry = 0;
            parked = NONE;
            writer.pipeDone(failure);
            writer.releaseFiles(pipe);
        }
    }
}
