package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body as its handler reads it: it ends where the body ends, never reading into the next
 * request. Before the first read it answers a waiting {@code Expect: 100-continue} (a handler that
 * refuses without reading never invites the body).
 */
abstract class RequestBody extends InputStream {

    /** What to do before the first read (the 100 Continue), once. */
    interface FirstRead {
        void run() throws IOException;
    }

    private FirstRead firstRead;

    final void beforeFirstRead(FirstRead action) {
        this.firstRead = action;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (firstRead != null) {
            FirstRead a = firstRead;
            firstRead = null;
            a.run();
        }
        return len == 0 ? 0 : readBody(b, off, len);
    }

    /** Closing leaves the rest for the connection to skip (or to close on). */
    @Override
    public void close() {
    }

    protected abstract int readBody(byte[] b, int off, int len) throws IOException;

    /** True when the whole body was read. */
    abstract boolean finished();

    /** Reads and drops the rest, at most {@code max} bytes; true when the body ended within them. */
    final boolean skipRest(long max) throws IOException {
        if (firstRead != null) {
            return finished(); // the client still waits for 100 Continue: it sent no body
        }
        byte[] sink = new byte[4096];
        long skipped = 0;
        while (!finished()) {
            int n = readBody(sink, 0, sink.length);
            if (n < 0 || (skipped += n) > max) {
                return false;
            }
        }
        return true;
    }

    /** A body of {@code Content-Length} bytes (zero when the request has none). */
    static final class FixedLength extends RequestBody {

        private final InputStream in;
        private long left;

        FixedLength(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        protected int readBody(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the connection ended inside the request body");
            }
            left -= n;
            return n;
        }

        @Override
        boolean finished() {
            return left == 0;
        }
    }
}
