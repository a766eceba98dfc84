package jsup.supervisor.web.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its response on a {@link Connection}, as the JDK's API has it:
 * {@code sendResponseHeaders(code, n)} frames the body with a length when {@code n > 0}, chunked when
 * {@code n == 0} (until the body is closed) and none when {@code n == -1}; HEAD, 1xx, 204 and 304 never
 * carry one. Closing the exchange (or its response body) ends it.
 */
final class Exchange extends HttpExchange {

    private final Connection connection;
    private final RequestHead head;
    private final RequestBody body;
    private final HttpContext context;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Gate gate = new Gate();
    private InputStream requestStream;
    private OutputStream responseStream = gate;
    private ResponseBody response;
    private int status = -1;
    private boolean closeAfter;

    Exchange(Connection connection, RequestHead head, RequestBody body, HttpContext context) {
        this.connection = connection;
        this.head = head;
        this.body = body;
        this.context = context;
        this.requestStream = body;
        this.closeAfter = head.wantsClose();
    }

    boolean responseStarted() {
        return response != null;
    }

    /**
     * Ends the exchange after its handler returned: true when the connection may carry the next request
     * (the response was whole, no one asked to close, and the rest of the request body was skipped).
     */
    boolean finish() {
        if (response == null) {
            return false; // no answer: the client learns it from the closed connection (as with the JDK's)
        }
        try {
            response.close();
            return response.complete() && !closeAfter && !connection.stopping() && body.skipRest(64 * 1024);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (response != null) {
            throw new IOException("the response headers were already sent");
        }
        Headers h = responseHeaders;
        boolean bodiless = code < 200 || code == 204 || code == 304;
        closeAfter |= connection.stopping() || "close".equalsIgnoreCase(h.getFirst("Connection"));
        ResponseBody rb;
        OutputStream out = connection.output();
        if (bodiless) {
            h.remove("Content-Length");
            h.remove("Transfer-Encoding");
            rb = new ResponseBody.None(out);
        } else if ("HEAD".equals(head.method()) || length < 0) {
            h.set("Content-Length", Long.toString(Math.max(length, 0)));
            rb = new ResponseBody.None(out);
        } else if (length > 0) {
            h.set("Content-Length", Long.toString(length));
            rb = new ResponseBody.FixedLength(out, length);
        } else if (!head.http10()) {
            h.set("Transfer-Encoding", "chunked");
            rb = new ResponseBody.Chunked(out);
        } else {
            closeAfter = true;
            rb = new ResponseBody.UntilClose(out);
        }
        if (closeAfter) {
            h.set("Connection", "close");
        }
        ResponseHead.write(out, code, h);
        status = code;
        response = rb;
        if (!(rb instanceof ResponseBody.FixedLength)) {
            out.flush(); // no body, or a stream (SSE): the client sees the head now; a body is sent with it
        }
    }

    @Override
    public void close() {
        try {
            requestStream.close();
            if (response == null) {
                closeAfter = true;
            } else {
                responseStream.close();
            }
        } catch (IOException e) {
            closeAfter = true;
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return context;
    }

    @Override
    public InputStream getRequestBody() {
        return requestStream;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseStream;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return connection.localAddress();
    }

    @Override
    public String getProtocol() {
        return head.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            requestStream = i;
        }
        if (o != null) {
            responseStream = o;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The response body handed out before its headers are sent: it writes to it once they are. */
    private final class Gate extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            started().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            started().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (response != null) {
                response.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (response != null) {
                response.close();
            }
        }

        private ResponseBody started() throws IOException {
            if (response == null) {
                throw new IOException("call sendResponseHeaders before writing the response body");
            }
            return response;
        }
    }
}
