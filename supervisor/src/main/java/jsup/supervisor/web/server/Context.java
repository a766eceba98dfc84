package jsup.supervisor.web.server;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A path prefix, its handler and its filters. Authenticators are not supported (jsupd guards in its handler). */
final class Context extends HttpContext {

    private final String path;
    private final HttpServer server;
    private final Map<String, Object> attributes = Collections.synchronizedMap(new HashMap<>());
    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    private volatile HttpHandler handler;

    Context(String path, HttpHandler handler, HttpServer server) {
        this.path = path;
        this.handler = handler;
        this.server = server;
    }

    void handle(HttpExchange exchange) throws IOException {
        HttpHandler h = handler;
        if (h == null) {
            throw new IOException("no handler for " + path);
        }
        new Filter.Chain(filters, h).doFilter(exchange);
    }

    @Override
    public HttpHandler getHandler() {
        return handler;
    }

    @Override
    public void setHandler(HttpHandler h) {
        if (h == null) {
            throw new NullPointerException("handler");
        }
        if (handler != null) {
            throw new IllegalArgumentException("the handler of " + path + " is already set");
        }
        handler = h;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public List<Filter> getFilters() {
        return filters;
    }

    @Override
    public Authenticator setAuthenticator(Authenticator auth) {
        throw new UnsupportedOperationException("authenticators are not supported; check the request in its handler");
    }

    @Override
    public Authenticator getAuthenticator() {
        return null;
    }
}
