package jsup.gateway.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The web chat's files, read once from the gateway jar: the page and its script and stylesheet.
 * No CDN and no build step. Every answer carries a strict Content-Security-Policy: scripts, styles
 * and fetches from this origin only, nothing inline, no frames, no plugins.
 */
final class WebChatPage {

    /** Sent with the page and its assets; checked by {@code WebChatPageTest}. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The page's script and stylesheet: static code with no data, served without the token so a page opened with ?token=… can load them. */
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "/assets/chat.js", "text/javascript; charset=utf-8",
            "/assets/chat.css", "text/css; charset=utf-8");

    private record Asset(String contentType, byte[] body) {
    }

    private final byte[] page;
    private final Map<String, Asset> assets = new HashMap<>();

    WebChatPage() {
        this.page = resource("chat.html");
        ASSET_TYPES.forEach((path, type) -> assets.put(path, new Asset(type, resource(path.substring("/assets/".length())))));
    }

    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/index.html");
    }

    static boolean isAsset(String path) {
        return ASSET_TYPES.containsKey(path);
    }

    void sendPage(HttpExchange exchange) throws IOException {
        send(exchange, "text/html; charset=utf-8", page);
    }

    /** Sends the asset at {@code path}, one that {@link #isAsset} accepts. */
    void sendAsset(HttpExchange exchange, String path) throws IOException {
        Asset asset = assets.get(path);
        send(exchange, asset.contentType(), asset.body());
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        Responses.send(exchange, 200, contentType, body);
    }

    /** A file of the page from the jar, {@code jsup/gateway/http/<name>}. */
    static byte[] resource(String name) {
        try (InputStream in = WebChatPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource jsup/gateway/http/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
