package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response's body as its handler writes it, framed as its headers said: {@link FixedLength},
 * {@link Chunked}, {@link None}, or {@link UntilClose} (an HTTP/1.0 client and no length). Closing it
 * completes the response; {@link #complete()} tells the connection whether it may carry another.
 */
abstract class ResponseBody extends OutputStream {

    protected final OutputStream out;
    private boolean closed;

    ResponseBody(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (len > 0) {
            writeBody(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            finish();
            out.flush();
        }
    }

    final boolean closed() {
        return closed;
    }

    /** Closed with all it promised written. */
    abstract boolean complete();

    protected abstract void writeBody(byte[] b, int off, int len) throws IOException;

    protected abstract void finish() throws IOException;

    /** {@code Content-Length} bytes, no more; fewer when closed leaves the response incomplete. */
    static final class FixedLength extends ResponseBody {

        private long left;

        FixedLength(OutputStream out, long length) {
            super(out);
            this.left = length;
        }

        @Override
        protected void writeBody(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("the response body is longer than its Content-Length");
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        protected void finish() throws IOException {
            if (left > 0) {
                throw new IOException("the response body ended " + left + " bytes short of its Content-Length");
            }
        }

        @Override
        boolean complete() {
            return closed() && left == 0;
        }
    }

    /** No body: a HEAD, a 204 or 304, or a length of -1. */
    static final class None extends ResponseBody {

        None(OutputStream out) {
            super(out);
        }

        @Override
        protected void writeBody(byte[] b, int off, int len) throws IOException {
            throw new IOException("this response has no body (HEAD, 204, 304, or a length of -1)");
        }

        @Override
        protected void finish() {
        }

        @Override
        boolean complete() {
            return true;
        }
    }

    /** {@code Transfer-Encoding: chunked}: writes gather into a chunk sent when full or flushed. */
    static final class Chunked extends ResponseBody {

        private final byte[] chunk = new byte[4096];
        private int filled;

        Chunked(OutputStream out) {
            super(out);
        }

        @Override
        protected void writeBody(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, chunk.length - filled);
                System.arraycopy(b, off, chunk, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == chunk.length) {
                    sendChunk();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (!closed()) {
                sendChunk();
                out.flush();
            }
        }

        @Override
        protected void finish() throws IOException {
            sendChunk();
            out.write(new byte[] {'0', '\r', '\n', '\r', '\n'});
        }

        private void sendChunk() throws IOException {
            if (filled > 0) {
                out.write((Integer.toHexString(filled) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(chunk, 0, filled);
                out.write('\r');
                out.write('\n');
                filled = 0;
            }
        }

        @Override
        boolean complete() {
            return closed();
        }
    }

    /** An HTTP/1.0 client and no length: the body ends when the connection closes. */
    static final class UntilClose extends ResponseBody {

        UntilClose(OutputStream out) {
            super(out);
        }

        @Override
        protected void writeBody(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        protected void finish() {
        }

        @Override
        boolean complete() {
            return false; // the close of the connection is its end
        }
    }
}
