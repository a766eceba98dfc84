package jsup.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.liveness.WorkProgress;
import jsup.gateway.logging.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP server. Chat requests run on their own bounded pool ({@code chatPool}), so a
 * slow model never makes {@code /healthz} or {@code /readyz} wait; {@link HttpLimits} keeps stalled
 * clients from using up the server's own threads.
 */
public final class GatewayHttpServer {

    static final int MAX_BODY = 64 * 1024;
    /** A full chat pool that finishes nothing for this long is stuck, and {@code /healthz} answers 503. */
    static final Duration CHAT_STALL = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);

    private final InetSocketAddress address;
    private final TokenCheck tokens;
    private final ChatHandler chat;
    private final Readiness readiness;
    private final Supplier<List<String>> stuckParts;
    private final Supplier<Map<String, Object>> status;
    private final ExecutorService chatPool;
    private final long startedNanos = System.nanoTime();
    private final WebChatPage page;
    private final Object inFlightLock = new Object();
    private int inFlight;
    private volatile boolean draining;
    private volatile int port;
    private final WorkProgress chatProgress;
    private HttpServer server;
    private ThreadPoolExecutor ioPool;

    static {
        HttpLimits.install();
    }

    /**
     * @param address   where to listen
     * @param token     the current gateway token (null or empty: none required)
     * @param chat      the router behind the web chat and {@code /api/chat}
     * @param readiness what {@code /readyz} reports
     * @param stuckParts why other parts (the Telegram channel) cannot serve; {@code /healthz} adds them
     * @param status    the body of {@code GET /api/status}
     * @param chatPool  runs chat requests; a full pool answers 503
     */
    public GatewayHttpServer(InetSocketAddress address, Supplier<String> token, ChatHandler chat, Readiness readiness,
                             Supplier<List<String>> stuckParts, Supplier<Map<String, Object>> status, ExecutorService chatPool) {
        this.address = address;
        this.tokens = new TokenCheck(token);
        this.chat = chat;
        this.readiness = readiness;
        this.stuckParts = stuckParts;
        this.status = status;
        this.chatPool = chatPool;
        this.page = new WebChatPage();
        this.chatProgress = chatPool instanceof ThreadPoolExecutor pool
                ? WorkProgress.of(pool, CHAT_STALL.toNanos(), System::nanoTime) : null;
    }

    /** Binds and starts serving; a taken port surfaces as {@link java.net.BindException}. */
    public synchronized void start() throws IOException {
        server = HttpServer.create(address, 256);
        ioPool = HttpLimits.workers();
        server.setExecutor(ioPool);
        server.createContext("/", this::route);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The bound port; valid after {@link #start()}. */
    public int port() {
        return port;
    }

    /**
     * Answers new requests with 503, waits up to {@code grace} for chat replies still being
     * worked on, then closes the listener and every connection. (The JDK's own
     * {@code HttpServer.stop(delay)} waits out the whole delay even when idle.)
     */
    public void stop(Duration grace) {
        HttpServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running == null) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} web chat repl{} still in flight after {} ms; closing anyway", inFlight,
                            inFlight == 1 ? "y" : "ies", grace.toMillis());
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inFlightLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        running.stop(0);
        ioPool.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!hasBody(exchange)) {
                // Marks the empty body as read, so the connection stays open for the next request.
                exchange.getRequestBody().read();
            }
            if (draining) {
                Responses.discardSmallBody(exchange);
                Responses.json(exchange, 503, Map.of("error", "the gateway is shutting down"));
                return;
            }
            if (WebChatPage.isAsset(path)) {
                // Static code with no data: a page opened with ?token=… loads it without the header.
                if (allow(exchange, method, "GET", "HEAD")) {
                    page.sendAsset(exchange, path);
                }
                return;
            }
            if (!tokens.accepts(exchange)) {
                unauthorized(exchange, path);
                return;
            }
            switch (path) {
                case "/healthz":
                case "/health":
                    if (allow(exchange, method, "GET", "HEAD")) {
                        health(exchange);
                    }
                    return;
                case "/readyz":
                case "/ready":
                    if (allow(exchange, method, "GET", "HEAD")) {
                        ready(exchange);
                    }
                    return;
                case "/":
                case "/index.html":
                    if (allow(exchange, method, "GET", "HEAD")) {
                        page.sendPage(exchange);
                    }
                    return;
                case "/api/chat":
                    if (allow(exchange, method, "POST")) {
                        chat(exchange);
                    }
                    return;
                case "/api/status":
                    if (allow(exchange, method, "GET")) {
                        Responses.json(exchange, 200, status.get());
                    }
                    return;
                default:
                    Responses.discardSmallBody(exchange);
                    Responses.json(exchange, 404, Map.of("error", "no such path: " + path
                            + "; try /, /healthz, /readyz, /api/status or POST /api/chat"));
            }
        } catch (IOException e) {
            // A client that hung up or stalled past the read timeout: its problem, not the gateway's.
            LOG.debug("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            exchange.close();
        }
    }

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding") || (length != null && !length.strip().equals("0"));
    }

    /** 200 while the gateway can serve: free HTTP workers, a chat pool that makes progress, and no stuck part. */
    private void health(HttpExchange exchange) throws IOException {
        List<String> problems = new ArrayList<>();
        if (ioPool.getActiveCount() >= HttpLimits.MAX_WORKERS - 1) {
            problems.add("all " + HttpLimits.MAX_WORKERS + " HTTP worker threads are busy");
        }
        if (chatProgress != null && chatProgress.stalled()) {
            problems.add("the chat pool is full and has finished no reply for " + CHAT_STALL.toSeconds() + " s");
        }
        stuckParts.get().stream().map(Secrets::redact).forEach(problems::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", problems.isEmpty());
        body.put("status", problems.isEmpty() ? "live" : "stuck");
        body.put("uptimeMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        Responses.json(exchange, problems.isEmpty() ? 200 : 503, body);
    }

    private boolean allow(HttpExchange exchange, String method, String... allowed) throws IOException {
        for (String a : allowed) {
            if (a.equals(method)) {
                return true;
            }
        }
        Responses.discardSmallBody(exchange);
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        Responses.json(exchange, 405, Map.of("error", method + " is not allowed here; use " + String.join(" or ", allowed)));
        return false;
    }

    private void unauthorized(HttpExchange exchange, String path) throws IOException {
        Responses.discardSmallBody(exchange);
        String how = "this gateway needs its token (gateway.auth.token): send it in the Authorization header "
                + "with the Bearer scheme, in X-Gateway-Token, or as ?token=... in the URL";
        if (WebChatPage.isPage(path)) {
            Responses.text(exchange, 401, "text/plain; charset=utf-8", "401 Unauthorized: " + how + "\n");
        } else {
            Responses.json(exchange, 401, Map.of("error", how));
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<String> missing = readiness.notReady();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", missing.isEmpty());
        if (!missing.isEmpty()) {
            body.put("notReady", missing.stream().map(Secrets::redact).toList());
        }
        Responses.json(exchange, missing.isEmpty() ? 200 : 503, body);
    }

    private void chat(HttpExchange exchange) throws IOException {
        if (declaredLength(exchange) > MAX_BODY) {
            // Refused: a large body is not read, and the connection closes.
            Responses.discardSmallBody(exchange);
            Responses.json(exchange, 413, Map.of("error", "request body over " + MAX_BODY + " bytes"));
            return;
        }
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            Responses.json(exchange, 413, Map.of("error", "request body over " + MAX_BODY + " bytes"));
            return;
        }
        JsonNode body;
        try {
            body = Responses.JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("message").isTextual() || body.path("message").textValue().isBlank()) {
            Responses.json(exchange, 400, Map.of("error", "send JSON like {\"message\": \"hello\", \"session\": \"any-id\"}"));
            return;
        }
        String session = body.path("session").asText("api");
        if (session.isBlank() || session.length() > 100) {
            session = "api";
        }
        ChatRequest request = new ChatRequest("web", session, session, "web", body.path("message").textValue());
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            chatPool.execute(() -> answer(exchange, request));
        } catch (RejectedExecutionException busy) {
            finished();
            Responses.json(exchange, 503, Map.of("error", "the gateway is busy or shutting down; try again shortly"));
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        try {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void answer(HttpExchange exchange, ChatRequest request) {
        try {
            ChatReply reply = chat.handle(request);
            Responses.json(exchange, 200, Map.of("reply", Secrets.redact(reply.text())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("web chat reply failed: {}", e.toString());
            exchange.close();
        } finally {
            finished();
        }
    }

    private void finished() {
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }
}
