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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * jsupd's HTTP(S) listener (the JDK's {@code com.sun.net.httpserver}; docs/architecture.md says why).
 * Every request passes the same guard before its {@link Route}: the {@code Host} header
 * ({@link HostCheck}), then the bearer token ({@link WebToken}) unless the path is public. Unknown
 * paths get 404 (after the guard, so they reveal nothing to a stranger).
 *
 * <p>Slow clients: the JDK reads a request on the worker thread that serves it, so a client that
 * stalls holds one worker until {@link #REQUEST_READ_TIMEOUT_SECONDS} (checked every
 * {@link #TIMEOUT_CHECK_MILLIS}) closes its connection. Workers
 * are made on demand up to {@link #MAX_WORKERS} with no queue: stalled clients never delay another
 * request, and past that many at once new connections are closed. Nothing here runs on the engine
 * thread; a scrape only reads jsupd's snapshot.
 */
public final class WebServer implements AutoCloseable {

    static final int REQUEST_READ_TIMEOUT_SECONDS = 3;
    static final int RESPONSE_WRITE_TIMEOUT_SECONDS = 10;
    static final int MAX_WORKERS = 32;
    static final long TIMEOUT_CHECK_MILLIS = 3000;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final WebSettings settings;

    private WebServer(HttpServer server, ThreadPoolExecutor workers, WebSettings settings) {
        this.server = server;
        this.workers = workers;
        this.settings = settings;
    }

    /**
     * Starts listening with {@code settings} (already validated: {@link WebSettings#problems()}).
     *
     * @param routes every path served, the public ones included
     * @throws IOException when the address cannot be bound (port in use) or the key store not read
     */
    public static WebServer start(WebSettings settings, WebToken token, Map<String, Route> routes) throws IOException {
        installTimeouts();
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        HttpServer server;
        if (settings.tls() != null) {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(settings.tls())));
            server = https;
        } else {
            server = HttpServer.create(address, 16);
        }
        HostCheck hosts = new HostCheck(server.getAddress().getPort(), settings.hosts());
        server.createContext("/", ex -> guard(ex, settings, hosts, token, routes));
        ThreadPoolExecutor workers = workers();
        server.setExecutor(workers);
        server.start();
        return new WebServer(server, workers, settings);
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
        workers.shutdownNow();
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

    /**
     * The JDK server's timeouts are JVM-wide properties, read when its first server is created; jsupd
     * runs no other. A value given on the command line wins.
     */
    private static void installTimeouts() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_READ_TIMEOUT_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_WRITE_TIMEOUT_SECONDS));
        // The JDK checks those timeouts on a timer thread, every second by default: a wake-up a second
        // that was a fifth of an idle jsupd's CPU with the listener on. Every 3 s, a stalled request
        // is closed 3 to 6 s after it began.
        setIfAbsent("sun.net.httpserver.timerMillis", Long.toString(TIMEOUT_CHECK_MILLIS));
        // A refused request closes its connection instead of first reading whatever body it sends.
        setIfAbsent("sun.net.httpserver.drainAmount", "0");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static ThreadPoolExecutor workers() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(null, r, "jsupd-web-" + n.incrementAndGet(), 256 * 1024);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
