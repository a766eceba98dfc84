package jsup.supervisor.web.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One client connection on its own thread: the TLS handshake (if any, within
 * {@link ServerLimits#handshakeMillis()}), then requests one after another while the client keeps it
 * alive. Its times: {@link ServerLimits#idleMillis()} for the next request's
 * first byte, {@link ServerLimits#headMillis()} from there to the end of the head (408, whatever the
 * pace of the bytes), {@link ServerLimits#bodyMillis()} for the body, and each write
 * {@link ServerLimits#writeMillis()} (the {@link Watchdog}). A refused request gets its status and the
 * connection closes.
 */
final class Connection implements Runnable {

    private final Listener listener;
    private final Socket raw;
    private volatile Socket socket;
    private volatile boolean busy;
    private DeadlineInput deadlines;
    private BufferedInputStream in;
    private OutputStream out;

    Connection(Listener listener, Socket raw) {
        this.listener = listener;
        this.raw = raw;
        this.socket = raw;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException | RuntimeException e) {
            // the client went away, timed out or broke the protocol: only its connection ends
        } finally {
            close();
            listener.closed(this);
        }
    }

    /** Between requests (waiting for the next one's first byte): stopping may close it at once. */
    boolean idle() {
        return !busy;
    }

    /** Closes the plain socket first: a TLS socket's own close would try to write, and could block. */
    void close() {
        try {
            raw.close();
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    boolean stopping() {
        return listener.stopping();
    }

    OutputStream output() {
        return out;
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) raw.getRemoteSocketAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) raw.getLocalSocketAddress();
    }

    private void serve() throws IOException {
        ServerLimits limits = listener.limits();
        raw.setTcpNoDelay(true); // a head and its body are separate writes; never hold one back
        SSLContext ssl = listener.ssl();
        if (ssl != null) {
            socket = handshake(ssl, limits);
        }
        deadlines = new DeadlineInput(socket);
        in = new BufferedInputStream(deadlines, 8192);
        out = new BufferedOutputStream(new WatchedOutput(socket.getOutputStream(), raw, listener.watchdog(),
                limits.writeMillis()), 8192);
        RequestHeadReader reader = new RequestHeadReader(limits);
        while (!listener.stopping()) {
            busy = false;
            deadlines.deadline(limits.idleMillis(), "idle keep-alive");
            in.mark(1);
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
            in.reset();
            busy = true;
            deadlines.deadline(limits.headMillis(), "request head");
            RequestHead head;
            RequestBody body;
            try {
                head = reader.read(in);
                if (head == null) {
                    return;
                }
                body = body(head);
            } catch (HttpError e) {
                ResponseHead.refusal(out, e.status(), e.getMessage());
                return;
            } catch (SocketTimeoutException e) {
                ResponseHead.refusal(out, 408, "the request head was not sent within " + limits.headMillis() + " ms");
                return;
            }
            deadlines.deadline(limits.bodyMillis(), "request body");
            if (!exchange(head, body)) {
                return;
            }
        }
    }

    /** The server side of TLS over {@code raw}; the whole handshake must end in time, however paced. */
    private Socket handshake(SSLContext ssl, ServerLimits limits) throws IOException {
        SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket(raw, null, true);
        s.setUseClientMode(false);
        s.setSoTimeout(limits.handshakeMillis());
        Watchdog.Deadline d = listener.watchdog().arm(raw, limits.handshakeMillis());
        try {
            s.startHandshake();
        } finally {
            listener.watchdog().disarm(d);
        }
        return s;
    }

    private RequestBody body(RequestHead head) throws HttpError {
        String te = head.headers().getFirst("Transfer-Encoding");
        java.util.List<String> cl = head.headers().get("Content-Length");
        if (head.headers().get("Host") != null && head.headers().get("Host").size() > 1) {
            throw new HttpError(400, "more than one Host header");
        }
        if (te != null) {
            if (cl != null) {
                throw new HttpError(400, "both Transfer-Encoding and Content-Length; send one");
            }
            if (!te.equalsIgnoreCase("chunked")) {
                throw new HttpError(501, "Transfer-Encoding \"" + te
                        + "\" is not supported; send chunked or a Content-Length");
            }
            return new ChunkedRequestBody(in);
        }
        long length = 0;
        if (cl != null) {
            if (cl.size() > 1 || !cl.get(0).matches("[0-9]{1,18}")) {
                throw new HttpError(400, "bad Content-Length " + cl);
            }
            length = Long.parseLong(cl.get(0));
        }
        return new RequestBody.FixedLength(in, length);
    }

    /** Runs one exchange; true when the connection may carry another. */
    private boolean exchange(RequestHead head, RequestBody body) throws IOException {
        Context context = listener.contexts().find(head.uri().getPath());
        Exchange ex = new Exchange(this, head, body, context);
        if (head.expectsContinue()) {
            body.beforeFirstRead(() -> {
                if (!ex.responseStarted()) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                }
            });
        }
        if (context == null) {
            ResponseHead.refusal(out, 404, "no context for " + head.uri().getPath());
            return false;
        }
        try {
            context.handle(socket instanceof SSLSocket s ? new TlsExchange(ex, s.getSession()) : ex);
        } catch (IOException | RuntimeException e) {
            if (!ex.responseStarted() && !socket.isClosed()) {
                ResponseHead.refusal(out, 500, "the server failed to answer");
            }
            return false;
        }
        return ex.finish();
    }
}
