package jsup.supervisor.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Splits a byte stream into newline-terminated lines of at most {@code maxBytes}. A longer line is
 * reported once, as soon as it passes the limit (so a sender that never sends a newline still gets
 * an answer), and its remaining bytes are skipped up to the next newline. Blank lines are dropped.
 * Not thread-safe: one per connection.
 */
final class LineBuffer {

    /** One framed line, or the marker that a line was too long. */
    record Frame(String text, boolean tooLarge) {
    }

    private final int maxBytes;
    private byte[] buf = new byte[8192];
    private int len;
    private boolean skipping;
    private final Deque<Frame> frames = new ArrayDeque<>();

    LineBuffer(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Consumes every remaining byte of {@code in}. */
    void feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                endLine();
            } else if (!skipping) {
                if (len == maxBytes) {
                    frames.add(new Frame(null, true));
                    skipping = true;
                    len = 0;
                    shrink();
                } else {
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, Math.min(maxBytes, buf.length * 2));
                    }
                    buf[len++] = b;
                }
            }
        }
    }

    /** The next complete frame, or null when none is ready. */
    Frame next() {
        return frames.poll();
    }

    private void endLine() {
        if (skipping) {
            skipping = false;
            return;
        }
        int end = len;
        if (end > 0 && buf[end - 1] == '\r') {
            end--;
        }
        String line = new String(buf, 0, end, StandardCharsets.UTF_8);
        len = 0;
        shrink();
        if (!line.isBlank()) {
            frames.add(new Frame(line, false));
        }
    }

    /** Gives back a big buffer after a big line so an idle connection holds little memory. */
    private void shrink() {
        if (buf.length > 65536) {
            buf = new byte[8192];
        }
    }
}
