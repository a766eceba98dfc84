package jsup.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible model API on 127.0.0.1 for tests, speaking the real wire format of
 * {@code POST /v1/chat/completions} and {@code GET /v1/models}. Each model is scripted: answer,
 * 429, 500, slow, unknown model (400 OpenRouter-style or 404 OpenAI-style error bodies), or any
 * status. A model that is not scripted is unknown, as on a real server. Records every request
 * and carries its own assertions.
 */
public final class FakeModelServer implements AutoCloseable {

    /** One chat-completions request as received. */
    public record Received(String model, List<String> roles, List<String> contents, String authorization) {

        public String lastUserMessage() {
            return contents.isEmpty() ? "" : contents.get(contents.size() - 1);
        }
    }

    private sealed interface Behaviour {
    }

    /** {@code release}, when not null, holds the answer until it is counted down (at most 60 s). */
    private record Answer(String text, Duration delay, CountDownLatch release) implements Behaviour {
        Answer(String text, Duration delay) {
            this(text, delay, null);
        }
    }

    private record Error(int status, String body) implements Behaviour {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Behaviour> script = new ConcurrentHashMap<>();
    private final Set<String> unlisted = ConcurrentHashMap.newKeySet();
    private final Set<String> extraListed = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> modelListAuthorizations = new CopyOnWriteArrayList<>();
    private volatile String requiredKey;

    private FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-model-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::completions);
        server.createContext("/v1/models", this::models);
        server.start();
    }

    public static FakeModelServer start() throws IOException {
        return new FakeModelServer();
    }

    /** The base URL to configure as {@code models.providers.<name>.baseUrl}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Requests without {@code Authorization: Bearer key} get 401, as a real provider does. */
    public FakeModelServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** {@code model} answers {@code text}. */
    public FakeModelServer answer(String model, String text) {
        script.put(model, new Answer(text, Duration.ZERO));
        return this;
    }

    /** {@code model} answers after {@code delay} (longer than the gateway's timeout: a timeout). */
    public FakeModelServer slow(String model, Duration delay, String text) {
        script.put(model, new Answer(text, delay));
        return this;
    }

    /** {@code model} answers {@code text} once {@code release} is counted down: a reply a test can watch pending. */
    public FakeModelServer held(String model, CountDownLatch release, String text) {
        script.put(model, new Answer(text, Duration.ZERO, release));
        return this;
    }

    /** {@code model} answers 429 with OpenRouter's rate-limit body. */
    public FakeModelServer rateLimited(String model) {
        return fail(model, 429, "Rate limit exceeded: free-models-per-min. ");
    }

    /** {@code model} answers 500. */
    public FakeModelServer serverError(String model) {
        return fail(model, 500, "Internal Server Error");
    }

    /** {@code model} answers {@code status} with an OpenAI-style error body. */
    public FakeModelServer fail(String model, int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("code", status);
        script.put(model, new Error(status, body.toString()));
        return this;
    }

    /** {@code model} answers 500 with a body that echoes the caller's Authorization header (a leaky provider). */
    public FakeModelServer echoesAuthorization(String model) {
        script.put(model, new Error(-1, ""));
        return this;
    }

    /**
     * {@code model} is unknown to this provider: not in {@code /v1/models}, and a call answers
     * 400 with OpenRouter's body ("x is not a valid model ID") or, with {@code status} 404,
     * OpenAI's ({@code model_not_found}).
     */
    public FakeModelServer unknownModel(String model, int status) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (status == 404) {
            error.put("message", "The model `" + model + "` does not exist or you do not have access to it.")
                    .put("type", "invalid_request_error").putNull("param").put("code", "model_not_found");
        } else {
            error.put("message", model + " is not a valid model ID").put("code", status);
        }
        script.put(model, new Error(status, body.toString()));
        unlisted.add(model);
        return this;
    }

    /** Lists {@code ids} in {@code /v1/models} without scripting them. */
    public FakeModelServer offers(String... ids) {
        extraListed.addAll(List.of(ids));
        return this;
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    /** The models asked, in order. */
    public List<String> modelsTried() {
        return received.stream().map(Received::model).toList();
    }

    public void assertModelsTried(String... models) {
        assertThat(modelsTried()).as("models asked, in order").containsExactly(models);
    }

    public void assertEveryRequestCarried(String authorization) {
        assertThat(received).as("chat requests").isNotEmpty();
        assertThat(received).extracting(Received::authorization).containsOnly(authorization);
        if (!modelListAuthorizations.isEmpty()) {
            assertThat(modelListAuthorizations).containsOnly(authorization);
        }
    }

    public int modelListRequests() {
        return modelListAuthorizations.size();
    }

    public void reset() {
        received.clear();
        modelListAuthorizations.clear();
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (requiredKey == null || ("Bearer " + requiredKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        send(exchange, 401, "{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}");
        return false;
    }

    private void completions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{\"error\":{\"message\":\"use POST\"}}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = body.path("model").asText();
            List<String> roles = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                roles.add(m.path("role").asText());
                contents.add(m.path("content").asText());
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(model, roles, contents, auth));
            if (!authorized(exchange)) {
                return;
            }
            Behaviour b = script.get(model);
            if (b == null) {
                send(exchange, 400, "{\"error\":{\"message\":\"" + model + " is not a valid model ID\",\"code\":400}}");
            } else if (b instanceof Error e && e.status() == -1) {
                send(exchange, 500, "{\"error\":{\"message\":\"upstream rejected key " + auth + "\",\"code\":500}}");
            } else if (b instanceof Error e) {
                send(exchange, e.status(), e.body());
            } else {
                Answer a = (Answer) b;
                if (!a.delay().isZero() || a.release() != null) {
                    try {
                        if (a.release() != null) {
                            a.release().await(60, java.util.concurrent.TimeUnit.SECONDS);
                        } else {
                            Thread.sleep(a.delay().toMillis());
                        }
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                ObjectNode reply = JSON.createObjectNode();
                reply.put("id", "gen-" + received.size()).put("object", "chat.completion")
                        .put("created", System.currentTimeMillis() / 1000).put("model", model);
                ObjectNode choice = reply.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", a.text());
                reply.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
                send(exchange, 200, reply.toString());
            }
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        try (exchange) {
            modelListAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!authorized(exchange)) {
                return;
            }
            Set<String> ids = new LinkedHashSet<>(script.keySet());
            ids.removeAll(unlisted);
            ids.addAll(extraListed);
            ObjectNode body = JSON.createObjectNode();
            body.put("object", "list");
            ArrayNode data = body.putArray("data");
            for (String id : ids) {
                data.addObject().put("id", id).put("object", "model").put("created", 1700000000).put("owned_by", "fake");
            }
            send(exchange, 200, body.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
