package jsup.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 8 and the {@code /healthz} gap of item 1, against one HTTP server: the page and its
 * assets come from the jar under a strict CSP, and {@code /healthz} adds what other parts report.
 */
class WebChatPageTest {

    private static final String TOKEN = "web-page-test-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicReference<List<String>> STUCK = new AtomicReference<>(List.of());
    private static final AtomicReference<String> CURRENT_TOKEN = new AtomicReference<>();
    private static ExecutorService chatPool;
    private static GatewayHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        chatPool = Executors.newFixedThreadPool(1);
        ChatHandler echo = new ChatHandler() {
            @Override
            public ChatReply handle(ChatRequest request) {
                return new ChatReply("echo " + request.text(), "test");
            }

            @Override
            public List<BotCommandInfo> commands() {
                return List.of();
            }
        };
        server = new GatewayHttpServer(new InetSocketAddress("127.0.0.1", 0), CURRENT_TOKEN::get, echo, List::of, STUCK::get,
                () -> Map.of("ok", true), chatPool);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ZERO);
        chatPool.shutdownNow();
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void healthzReportsAStuckPartAs503AndRecovers() throws Exception {
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
        STUCK.set(List.of("all 4 Telegram reply workers are busy, other chats wait, and no reply has finished for 180 s"));
        try {
            HttpResponse<byte[]> stuck = get("/healthz", null);
            String body = new String(stuck.body(), StandardCharsets.UTF_8);
            assertThat(stuck.statusCode()).as(body).isEqualTo(503);
            assertThat(body).contains("\"status\":\"stuck\"").contains("Telegram reply workers are busy");
        } finally {
            STUCK.set(List.of());
        }
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarUnderAStrictCsp() throws Exception {
        HttpResponse<byte[]> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).startsWith("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).isEqualTo(WebChatPage.resource("chat.html"));

        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).as("no inline script or style, nothing from another origin")
                .contains("<script src=\"assets/chat.js\" defer></script>").contains("<link rel=\"stylesheet\" href=\"assets/chat.css\">")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|<style|style=|\\son[a-z]+=|https?://");

        for (Map.Entry<String, String> asset : Map.of("/assets/chat.js", "text/javascript", "/assets/chat.css", "text/css").entrySet()) {
            HttpResponse<byte[]> r = get(asset.getKey(), null);
            assertThat(r.statusCode()).as(asset.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(asset.getValue()));
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(csp);
            assertThat(r.body()).isEqualTo(WebChatPage.resource(asset.getKey().substring("/assets/".length())));
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as("no CDN").doesNotContainPattern("https?://|@import");
        }
    }

    @Test
    void withATokenThePageNeedsItButItsStaticAssetsDoNot() throws Exception {
        CURRENT_TOKEN.set(TOKEN);
        try {
            assertThat(get("/", null).statusCode()).isEqualTo(401);
            assertThat(get("/api/status", null).statusCode()).isEqualTo(401);
            assertThat(get("/?token=" + TOKEN, null).statusCode()).isEqualTo(200);
            assertThat(get("/assets/chat.js", null).statusCode()).as("static code, no data").isEqualTo(200);
            assertThat(get("/assets/chat.css", null).statusCode()).isEqualTo(200);
            assertThat(get("/assets/other.js", null).statusCode()).as("anything else under /assets still needs it").isEqualTo(401);
            assertThat(get("/assets/other.js", TOKEN).statusCode()).isEqualTo(404);
        } finally {
            CURRENT_TOKEN.set(null);
        }
    }
}
