package jsup.supervisor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Slack-style incoming webhook on 127.0.0.1: records each POSTed JSON document and its headers, answers "ok". */
public final class FakeWebhook implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request received. */
    public record Received(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        JSON.readTree(body)));
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The documents whose {@code event} is {@code event}. */
    public List<JsonNode> events(String event) {
        return received.stream().map(Received::body).filter(b -> event.equals(b.path("event").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
