package jsup.supervisor.prestart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream to its end, keeping only its last bytes, so a chatty command cannot fill memory
 * and its last lines can still be quoted in an error.
 */
final class OutputTail implements Runnable {

    static final int MAX_LINES = 10;
    static final int MAX_BYTES = 2048;

    private final InputStream in;
    private final byte[] ring = new byte[MAX_BYTES];
    private long total;

    OutputTail(InputStream in) {
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                append(buf, n);
            }
        } catch (IOException e) {
            // The command is gone and its pipe with it; what was read is the tail.
        }
    }

    private synchronized void append(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (total++ % MAX_BYTES)] = buf[i];
        }
    }

    /** The last {@value #MAX_LINES} lines (at most {@value #MAX_BYTES} bytes), trimmed; "" when none. */
    synchronized String text() {
        int len = (int) Math.min(total, MAX_BYTES);
        byte[] last = new byte[len];
        for (int i = 0; i < len; i++) {
            last[i] = ring[(int) ((total - len + i) % MAX_BYTES)];
        }
        String s = new String(last, StandardCharsets.UTF_8).strip();
        String[] lines = s.split("\n");
        if (lines.length > MAX_LINES) {
            s = String.join("\n", Arrays.copyOfRange(lines, lines.length - MAX_LINES, lines.length));
        }
        return s;
    }
}
