package jsup.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page in a headless Chromium, driven over the DevTools protocol (JSON over a WebSocket, with
 * the JDK's client): evaluate JavaScript in the page, take a screenshot. Closing it ends Chromium
 * and its helper processes.
 */
public final class BrowserPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private BrowserPage(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static BrowserPage open(List<String> chromium, URI page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(chromium).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = debuggingPort(p);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body());
            String debuggerUrl = null;
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith(page.toString())) {
                    debuggerUrl = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (debuggerUrl == null) {
                throw new IOException("chromium shows no page for " + page + ": " + targets);
            }
            Listener listener = new Listener();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(debuggerUrl), listener).get(60, TimeUnit.SECONDS);
            BrowserPage opened = new BrowserPage(p, ws);
            listener.page = opened;
            return opened;
        } catch (IOException | InterruptedException | RuntimeException e) {
            end(p);
            throw e;
        } catch (Exception e) {
            end(p);
            throw new IOException("cannot connect to chromium's DevTools: " + e, e);
        }
    }

    /** Chromium prints its DevTools address on stderr once it listens; the rest of stderr is drained. */
    private static int debuggingPort(Process p) throws IOException, InterruptedException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("chromium ended without a DevTools address"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("chromium printed no DevTools address within 120 s", e);
        }
    }

    /** The value of {@code expression} in the page, as text ({@code String(…)} of it). */
    public String eval(String expression) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        params.put("expression", "String(" + expression + ")").put("returnByValue", true).put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IOException("page script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value").asText();
    }

    /** A PNG of the viewport. */
    public byte[] screenshot() throws IOException {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).path("data").asText());
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.path("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + " got no answer: " + e, e);
        } finally {
            calls.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
        end(process);
    }

    private static void end(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects each message's frames and hands answers to the call waiting for their id. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder frames = new StringBuilder();
        private volatile BrowserPage page;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                String text = frames.toString();
                frames.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id") && page != null) {
                        CompletableFuture<JsonNode> waiting = page.calls.get(message.path("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: not an answer
                }
            }
            ws.request(1);
            return null;
        }
    }
}
