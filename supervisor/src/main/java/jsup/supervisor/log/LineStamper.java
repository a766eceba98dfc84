package jsup.supervisor.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Puts {@code <timestamp>: } before each line of one pipe's output. Remembers whether the pipe's last
 * piece ended mid-line, so a line written in pieces gets one prefix. Used by one pump thread only.
 *
 * <p>The stamped copy goes to a scratch array that grows to the largest piece of a burst and is
 * dropped by {@link #shrink()} when the pipe runs dry, so an idle app holds no scratch space.
 */
final class LineStamper {

    private static final int SMALL = 8 * 1024;

    private final DateTimeFormatter format;
    private byte[] scratch;
    private boolean midLine;
    private long prefixMillis = Long.MIN_VALUE;
    private byte[] prefix;

    LineStamper(DateTimeFormatter format) {
        this.format = format;
    }

    /** Copies {@code data[off, off+len)} into {@link #stamped()} with prefixes; returns its length. */
    int stamp(byte[] data, int off, int len, long readAtMillis) {
        byte[] p = prefix(readAtMillis);
        int lines = 0;
        for (int i = off; i < off + len; i++) {
            if (data[i] == '\n') {
                lines++;
            }
        }
        int need = len + (lines + 1) * p.length;
        if (scratch == null || scratch.length < need) {
            scratch = new byte[Math.max(need, SMALL)];
        }
        int o = 0;
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (data[i] != '\n' && i + 1 < end) {
                continue;
            }
            if (!midLine) {
                System.arraycopy(p, 0, scratch, o, p.length);
                o += p.length;
            }
            int n = i - start + 1;
            System.arraycopy(data, start, scratch, o, n);
            o += n;
            midLine = data[i] != '\n';
            start = i + 1;
        }
        return o;
    }

    /** The bytes the last {@link #stamp} produced. */
    byte[] stamped() {
        return scratch;
    }

    /** The pipe ran dry: let go of a scratch array a burst made large. */
    void shrink() {
        if (scratch != null && scratch.length > SMALL) {
            scratch = null;
        }
    }

    private byte[] prefix(long millis) {
        if (millis != prefixMillis) {
            prefixMillis = millis;
            prefix = (format.format(Instant.ofEpochMilli(millis)) + ": ").getBytes(StandardCharsets.UTF_8);
        }
        return prefix;
    }
}
