package jsup.supervisor.web.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * {@link LeanHttpServer} over TLS, behind the JDK's {@link HttpsServer} API: each connection's thread
 * does its handshake (within {@link ServerLimits#handshakeMillis()}) with the configurator's
 * {@code SSLContext} and its default parameters ({@link HttpsConfigurator#configure} is not called).
 */
public final class LeanHttpsServer extends HttpsServer {

    private final Listener listener;
    private HttpsConfigurator configurator;

    private LeanHttpsServer(ServerLimits limits) {
        this.listener = new Listener(limits);
    }

    /** A server bound to {@code address} (port 0: any free one), not yet started: set its configurator first. */
    public static LeanHttpsServer create(InetSocketAddress address, int backlog, ServerLimits limits) throws IOException {
        LeanHttpsServer s = new LeanHttpsServer(limits);
        s.bind(address, backlog);
        return s;
    }

    @Override
    public void setHttpsConfigurator(HttpsConfigurator config) {
        if (config == null) {
            throw new NullPointerException("configurator");
        }
        this.configurator = config;
        listener.ssl(config.getSSLContext());
    }

    @Override
    public HttpsConfigurator getHttpsConfigurator() {
        return configurator;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        listener.bind(address, backlog);
    }

    @Override
    public void start() {
        if (configurator == null) {
            throw new IllegalStateException("set the HttpsConfigurator before starting");
        }
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
