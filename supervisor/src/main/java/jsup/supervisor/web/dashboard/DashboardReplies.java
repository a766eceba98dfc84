package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jsup.supervisor.web.Replies;

/** The dashboard's answers (JSON, redirects, refusals) and request parsing; every one with the guard's headers. */
final class DashboardReplies {

    static final ObjectMapper JSON = new ObjectMapper();
    /** No dashboard request body is larger (a token, an app name and an action). */
    static final int MAX_BODY_BYTES = 4096;

    private DashboardReplies() {
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** A refusal: {@code {"error": message}}, which the page shows as it is. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, JSON.createObjectNode().put("error", message));
    }

    static void redirect(HttpExchange ex, String location) throws IOException {
        BrowserGuard.secure(ex);
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        BrowserGuard.secure(ex);
        Replies.send(ex, status, type, body);
    }

    /**
     * The request body, or null when larger than {@link #MAX_BODY_BYTES}. A POST's body is read before
     * any answer, a refusal included: the listener closes a connection with unread bytes, which resets
     * it, and the client may then lose the answer (it sees "connection reset", not the 403).
     */
    static byte[] body(HttpExchange ex) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = ex.getRequestBody()) {
            byte[] chunk = new byte[1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
                if (buf.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return buf.toByteArray();
    }

    /** {@code a=1&b=2} (a query or a form body) as a map; later keys win. */
    static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }
}
