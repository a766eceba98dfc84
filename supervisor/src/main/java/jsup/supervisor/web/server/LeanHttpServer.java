package jsup.supervisor.web.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * An HTTP/1.1 server behind the JDK's {@link HttpServer} API that never wakes while idle (the JDK's
 * wakes every second: its dispatcher's {@code select(1000)} and its timer). Handlers run on their
 * connection's own thread, so {@link #setExecutor} takes no executor. See {@link Listener} for the
 * threads and {@link ServerLimits} for the limits.
 */
public final class LeanHttpServer extends HttpServer {

    private final Listener listener;

    private LeanHttpServer(ServerLimits limits) {
        this.listener = new Listener(limits);
    }

    /** A server bound to {@code address} (port 0: any free one), not yet started. */
    public static LeanHttpServer create(InetSocketAddress address, int backlog, ServerLimits limits) throws IOException {
        LeanHttpServer s = new LeanHttpServer(limits);
        s.bind(address, backlog);
        return s;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        listener.bind(address, backlog);
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void setExecutor(Executor executor) {
        if (executor != null) {
            throw new UnsupportedOperationException("handlers run on their connection's thread; no executor is used");
        }
    }

    @Override
    public Executor getExecutor() {
        return null;
    }

    @Override
    public void stop(int delay) {
        listener.stop(delay);
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        return listener.contexts().create(path, handler, this);
    }

    @Override
    public HttpContext createContext(String path) {
        return listener.contexts().create(path, null, this);
    }

    @Override
    public void removeContext(String path) {
        listener.contexts().remove(path);
    }

    @Override
    public void removeContext(HttpContext context) {
        listener.contexts().remove(context);
    }

    @Override
    public InetSocketAddress getAddress() {
        return listener.address();
    }
}
