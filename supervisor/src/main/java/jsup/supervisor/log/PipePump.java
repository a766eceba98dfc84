package jsup.supervisor.log;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * Reads one of a child's pipes until EOF and queues what it read, cut at the last newline of each
 * read so the writer only ever sees whole lines. No decoding: bytes stay bytes.
 *
 * <p>A line without a newline waits here until its newline arrives, the 64 KiB buffer fills (the
 * line is then passed on in pieces) or the pipe ends (it is passed on with a newline added, so the
 * next run starts on a fresh line).
 */
final class PipePump implements Runnable {

    static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final Chunk.Source source;
    private final ChunkQueue queue;
    private final Clock clock;
    private volatile IOException failure;

    PipePump(InputStream in, Chunk.Source source, ChunkQueue queue, Clock clock) {
        this.in = in;
        this.source = source;
        this.queue = queue;
        this.clock = clock;
    }

    /** The read error that ended this pump early, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void run() {
        byte[] buf = new byte[READ_BYTES];
        int carry = 0;
        try (in) {
            while (true) {
                int n = in.read(buf, carry, buf.length - carry);
                if (n < 0) {
                    break;
                }
                int end = carry + n;
                int whole = RotatingFileWriter.lastNewline(buf, carry, n);
                if (whole > 0) {
                    int cut = carry + whole;
                    emit(Arrays.copyOf(buf, cut), true);
                    System.arraycopy(buf, cut, buf, 0, end - cut);
                    carry = end - cut;
                } else if (end == buf.length) {
                    emit(buf.clone(), false);
                    carry = 0;
                } else {
                    carry = end;
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (carry > 0) {
                byte[] last = Arrays.copyOf(buf, carry + 1);
                last[carry] = '\n';
                try {
                    emit(last, true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            queue.producerDone();
        }
    }

    private void emit(byte[] bytes, boolean endsLine) throws InterruptedException {
        queue.put(new Chunk(source, bytes, endsLine, clock.millis()));
    }
}
