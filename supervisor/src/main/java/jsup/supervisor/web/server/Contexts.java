package jsup.supervisor.web.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The contexts of one server; a request goes to the longest path that prefixes its own (as the JDK's). */
final class Contexts {

    private final Map<String, Context> byPath = new ConcurrentHashMap<>();

    Context create(String path, HttpHandler handler, HttpServer server) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a context path starts with /: " + path);
        }
        Context c = new Context(path, handler, server);
        if (byPath.putIfAbsent(path, c) != null) {
            throw new IllegalArgumentException("a context for " + path + " already exists");
        }
        return c;
    }

    void remove(String path) {
        if (byPath.remove(path) == null) {
            throw new IllegalArgumentException("no context for " + path);
        }
    }

    void remove(HttpContext context) {
        if (!byPath.remove(context.getPath(), context)) {
            throw new IllegalArgumentException("not a context of this server: " + context.getPath());
        }
    }

    /** The context for {@code path}, or null. */
    Context find(String path) {
        Context best = null;
        for (Context c : byPath.values()) {
            if (path != null && path.startsWith(c.getPath())
                    && (best == null || c.getPath().length() > best.getPath().length())) {
                best = c;
            }
        }
        return best;
    }
}
