package jsup.supervisor.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jsup.supervisor.web.server.LeanHttpServer;
import jsup.supervisor.web.server.LeanHttpsServer;
import jsup.supervisor.web.server.ServerLimits;

/**
 * jsupd's HTTP(S) listener, on {@link LeanHttpServer} (ours: the JDK's server wakes every second even
 * when idle; docs/architecture.md). Every request passes the same guard before its {@link Route}: the
 * {@code Host} header ({@link HostCheck}), then the bearer token ({@link WebToken}) unless the path is
 * public. Unknown paths get 404 (after the guard, so they reveal nothing to a stranger).
 *
 * <p>Slow clients: each connection has its own thread, at most {@link ServerLimits#maxConnections()}
 * (past that a 503), and deadlines for a request's head (3 s, however slowly its bytes come), its body
 * and each write ({@link ServerLimits#DEFAULT}): a stalled client never delays another request. Nothing
 * here runs on the engine thread; a scrape only reads jsupd's snapshot.
 */
public final class WebServer implements AutoCloseable {

    private final HttpServer server;
    private final WebSettings settings;

    private WebServer(HttpServer server, WebSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /**
     * Starts listening with {@code settings} (already validated: {@link WebSettings#problems()}).
     *
     * @param routes every path served, the public ones included
     * @throws IOException when the address cannot be bound (port in use) or the key store not read
     */
    public static WebServer start(WebSettings settings, WebToken token, Map<String, Route> routes) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        HttpServer server;
        if (settings.tls() != null) {
            SSLContext ssl = sslContext(settings.tls());
            HttpsServer https = LeanHttpsServer.create(address, 16, ServerLimits.DEFAULT);
            https.setHttpsConfigurator(new HttpsConfigurator(ssl));
            server = https;
        } else {
            server = LeanHttpServer.create(address, 16, ServerLimits.DEFAULT);
        }
        HostCheck hosts = new HostCheck(server.getAddress().getPort(), settings.hosts());
        server.createContext("/", ex -> guard(ex, settings, hosts, token, routes));
        server.start();
        return new WebServer(server, settings);
    }

    /** The address it listens on (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:9615} or {@code https://…}. */
    public String url() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return (settings.tls() != null ? "https" : "http") + "://" + host + ":" + address().getPort();
    }

    public WebSettings settings() {
        return settings;
    }

    /**
     * Stops at once: a scrape cut short is retried at the next interval, while waiting for idle
     * keep-alive connections would hold up {@code web disable} and jsupd's shutdown.
     */
    @Override
    public void close() {
        server.stop(0);
    }

    private static void guard(HttpExchange ex, WebSettings settings, HostCheck hosts, WebToken token,
                              Map<String, Route> routes) throws IOException {
        try {
            String host = ex.getRequestHeaders().getFirst("Host");
            if (!hosts.accepts(host)) {
                Replies.text(ex, 403, "Host \"" + host + "\" is not accepted: use the listener's address or a name "
                        + "in web.hosts of jsupd.json");
                return;
            }
            String path = ex.getRequestURI().getPath();
            Route route = routes.get(path);
            boolean isPublic = settings.publicPaths().contains(path) || route instanceof SessionRoute;
            if (!isPublic && !token.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"jsupd\"");
                Replies.text(ex, 401, "send the token of $JSUP_HOME/web.token as \"Authorization: Bearer TOKEN\"");
                return;
            }
            if (route == null) {
                Replies.text(ex, 404, "no route " + path + "; jsupd serves " + String.join(", ",
                        routes.keySet().stream().sorted().toList()));
                return;
            }
            route.serve(ex);
        } finally {
            ex.close();
        }
    }

    private static SSLContext sslContext(WebSettings.Tls tls) throws IOException {
        char[] password = Files.readString(tls.passwordFile(), StandardCharsets.UTF_8).strip().toCharArray();
        try (InputStream in = Files.newInputStream(tls.pkcs12())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys.getKeyManagers(), null, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the key store " + tls.pkcs12() + ": " + e.getMessage(), e);
        }
    }
}
