package jsup.supervisor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Telegram Bot API's {@code sendMessage} on 127.0.0.1, as the real one answers: {@code POST
 * /bot<token>/sendMessage} with a JSON or form body, {@code {"ok":true,"result":{message}}}; a wrong
 * token gets 401 {@code {"ok":false,"error_code":401,"description":"Unauthorized"}}.
 */
public final class FakeBotApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message sent. */
    public record Message(String chatId, String text) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals("/bot" + token + "/sendMessage")) {
                reply(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String chat;
            String text;
            if (type.startsWith("application/json")) {
                JsonNode json = JSON.readTree(body);
                chat = json.path("chat_id").asText(null);
                text = json.path("text").asText(null);
            } else {
                chat = formField(body, "chat_id");
                text = formField(body, "text");
            }
            if (chat == null || text == null || text.isEmpty()) {
                reply(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text "
                        + "is empty\"}");
                return;
            }
            int id = messages.size() + 1;
            messages.add(new Message(chat, text));
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.putObject("result").put("message_id", id).put("date", 0).put("text", text)
                    .putObject("chat").put("id", chat);
            reply(exchange, 200, ok.toString());
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
