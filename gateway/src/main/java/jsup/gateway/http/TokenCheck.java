package jsup.gateway.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Checks the gateway token on a request: {@code Authorization: Bearer <token>}, an
 * {@code X-Gateway-Token} header, or a {@code token} query parameter (so a browser can open
 * {@code /?token=...}). Compared in constant time. No token configured means every request passes.
 */
final class TokenCheck {

    private final Supplier<String> token;

    TokenCheck(Supplier<String> token) {
        this.token = token;
    }

    boolean required() {
        String t = token.get();
        return t != null && !t.isEmpty();
    }

    boolean accepts(HttpExchange exchange) {
        String expected = token.get();
        if (expected == null || expected.isEmpty()) {
            return true;
        }
        String given = presented(exchange);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String presented(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String header = exchange.getRequestHeaders().getFirst("X-Gateway-Token");
        if (header != null) {
            return header.strip();
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
