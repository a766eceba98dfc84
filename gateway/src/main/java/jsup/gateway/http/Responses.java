package jsup.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing a whole response in one go; every response closes its exchange. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /**
     * Reads and drops what is left of a request body of up to {@link HttpLimits#DISCARD_BODY_LIMIT}
     * bytes before answering. Closing a socket with unread data sends a TCP reset, which can destroy
     * the answer before the client reads it; so a refused request of ordinary size gets its 401 or
     * 413 reliably, while a larger one is closed unread (the read timeout bounds a stalled one).
     */
    static void discardSmallBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared;
        try {
            declared = length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (declared > 0 && declared <= HttpLimits.DISCARD_BODY_LIMIT) {
            // Read to the end (not skip), so the server sees the body as complete.
            InputStream in = exchange.getRequestBody();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // dropped
            }
        }
    }

    static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
