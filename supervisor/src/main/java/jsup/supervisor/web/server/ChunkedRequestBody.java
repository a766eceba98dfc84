package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.InputStream;

/** A {@code Transfer-Encoding: chunked} request body: the chunks' data; extensions and trailers dropped. */
final class ChunkedRequestBody extends RequestBody {

    private static final int MAX_LINE = 1024;

    private final InputStream in;
    private long chunkLeft;
    private boolean done;

    ChunkedRequestBody(InputStream in) {
        this.in = in;
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (chunkLeft == 0) {
            long size = chunkSize(line());
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields: dropped
                }
                done = true;
                return -1;
            }
            chunkLeft = size;
        }
        int n = in.read(b, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
            throw new IOException("the connection ended inside a chunk");
        }
        chunkLeft -= n;
        if (chunkLeft == 0 && !line().isEmpty()) {
            throw new IOException("a chunk is longer than its size");
        }
        return n;
    }

    @Override
    boolean finished() {
        return done;
    }

    private static long chunkSize(String line) throws IOException {
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new IOException("bad chunk size \"" + hex + "\"");
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size \"" + hex + "\"");
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection ended inside a chunked body");
            }
            if (c == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            if (s.length() >= MAX_LINE) {
                throw new IOException("a chunk line is longer than " + MAX_LINE + " bytes");
            }
            s.append((char) c);
        }
    }
}
