package jsup.gateway.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.http.StaleConnectionRetry;

/**
 * A small Telegram Bot API client: the seven methods the channel needs, as JSON POSTs to
 * {@code {apiRoot}/bot{token}/{method}}. Thread-safe.
 *
 * <p>Written over {@code java.net.http} instead of a Bot API library because the channel needs
 * only seven methods, a configurable API root (tests' fake server, local Bot API servers), and
 * full control over the token in failure messages; the Java libraries pull in their own HTTP and
 * JSON stacks for the other ~150 methods.
 *
 * <p>Error answers become {@link TelegramApiException}s, transport failures
 * {@link TelegramTransportException}s; neither ever carries the token.
 */
public final class TelegramBotApi {

    /** Characters a token may have: it goes into a URL path verbatim. */
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9:_-]+");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Added to a long poll's own timeout before the client gives up on the HTTP request. */
    private static final Duration POLL_GRACE = Duration.ofSeconds(15);

    private final URI apiRoot;
    private final String token;
    private final HttpClient http;
    private final TokenRedactor redactor;
    private final ObjectMapper json = new ObjectMapper();

    /** A client with its own {@link HttpClient} (HTTP/1.1, 10 s connect timeout). */
    public TelegramBotApi(URI apiRoot, String token) {
        this(apiRoot, token, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    }

    public TelegramBotApi(URI apiRoot, String token, HttpClient http) {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(http, "http");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("channels.telegram.botToken is empty: set it to the token BotFather gave you");
        }
        if (!TOKEN_CHARS.matcher(token).matches()) {
            // Never echo the value: it is a secret even when malformed.
            throw new IllegalArgumentException("channels.telegram.botToken (" + token.length()
                    + " characters) has characters a Bot API token never has; expected <digits>:<letters, digits, _ or ->");
        }
        String root = apiRoot.toString();
        this.apiRoot = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        if (this.apiRoot.getScheme() == null || this.apiRoot.getHost() == null) {
            throw new IllegalArgumentException("channels.telegram.apiRoot is not an absolute http(s) URL: " + apiRoot);
        }
        this.token = token;
        this.http = http;
        this.redactor = new TokenRedactor(token);
    }

    /** The API root calls go to (no token in it). */
    public URI apiRoot() {
        return apiRoot;
    }

    /** {@code getMe}: checks the token and says who the bot is. */
    public BotIdentity getMe() throws IOException, InterruptedException {
        JsonNode result = call("getMe", json.createObjectNode(), CALL_TIMEOUT);
        return new BotIdentity(result.path("id").asLong(), result.path("username").asText(""));
    }

    /** {@code deleteWebhook}, keeping pending updates: long polling only works without a webhook. */
    public void deleteWebhook() throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("drop_pending_updates", false);
        call("deleteWebhook", body, CALL_TIMEOUT);
    }

    /**
     * {@code getUpdates} as a long poll for new messages only.
     *
     * @param offset         the first update id wanted; every update below it is confirmed and
     *                       dropped by Telegram. 0 means "from the oldest unconfirmed"
     * @param timeoutSeconds how long Telegram may hold the request open when nothing is pending
     */
    public List<TelegramUpdate> getUpdates(long offset, int timeoutSeconds) throws IOException, InterruptedException {
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds < 0: " + timeoutSeconds);
        }
        ObjectNode body = json.createObjectNode();
        if (offset > 0) {
            body.put("offset", offset);
        }
        body.put("timeout", timeoutSeconds);
        body.putArray("allowed_updates").add("message");
        JsonNode result = call("getUpdates", body, Duration.ofSeconds(timeoutSeconds).plus(POLL_GRACE));
        if (!result.isArray()) {
            throw new TelegramTransportException("getUpdates", "result is not an array");
        }
        List<TelegramUpdate> updates = new ArrayList<>(result.size());
        for (JsonNode update : result) {
            updates.add(parseUpdate(update));
        }
        return updates;
    }

    /** {@code sendMessage} as plain text (no parse mode: model output is not valid HTML or Markdown). */
    public void sendMessage(long chatId, String text) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("chat_id", chatId).put("text", text);
        call("sendMessage", body, CALL_TIMEOUT);
    }

    /** {@code sendChatAction}, for example {@code typing}; Telegram shows it for about 5 s. */
    public void sendChatAction(long chatId, String action) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("chat_id", chatId).put("action", action);
        call("sendChatAction", body, CALL_TIMEOUT);
    }

    /** {@code setMyCommands} for the default scope. */
    public void setMyCommands(List<BotCommandInfo> commands) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("commands");
        for (BotCommandInfo command : commands) {
            list.addObject().put("command", command.command()).put("description", command.description());
        }
        call("setMyCommands", body, CALL_TIMEOUT);
    }

    /** {@code deleteMyCommands} for the default scope. */
    public void deleteMyCommands() throws IOException, InterruptedException {
        call("deleteMyCommands", json.createObjectNode(), CALL_TIMEOUT);
    }

    private JsonNode call(String method, ObjectNode body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiRoot + "/bot" + token + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            // get* methods only read, so they may be sent twice; sendMessage and the like may not.
            response = method.startsWith("get")
                    ? StaleConnectionRetry.send(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    : http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TelegramTransportException(method, redactor.redact(describe(e)) + " (Bot API at " + apiRoot + ")");
        }
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("ok")) {
            throw new TelegramTransportException(method, "HTTP " + response.statusCode()
                    + " with a body that is not Bot API JSON; is channels.telegram.apiRoot (" + apiRoot + ") a Bot API server?");
        }
        if (root.path("ok").asBoolean(false)) {
            return root.path("result");
        }
        int code = root.path("error_code").asInt(response.statusCode());
        String description = redactor.redact(root.path("description").asText("(no description)"));
        JsonNode retryAfter = root.path("parameters").path("retry_after");
        throw TelegramApiException.of(method, code, description,
                retryAfter.isNumber() ? Duration.ofSeconds(retryAfter.asLong()) : null);
    }

    /** The exception's class and message plus its causes' (JDK HTTP errors often nest the useful part). */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null && out.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (part.equals(previous)) {
                continue;
            }
            out.append(out.length() > 0 ? " <- " : "").append(part);
            previous = part;
        }
        return out.toString();
    }

    private static TelegramUpdate parseUpdate(JsonNode update) {
        long updateId = update.path("update_id").asLong();
        JsonNode message = update.get("message");
        if (message == null || !message.isObject()) {
            return new TelegramUpdate(updateId, null);
        }
        JsonNode chat = message.path("chat");
        JsonNode from = message.get("from");
        Long fromId = from != null && from.has("id") ? from.get("id").asLong() : null;
        String fromName = "";
        if (from != null) {
            fromName = from.hasNonNull("username") ? from.get("username").asText() : from.path("first_name").asText("");
        }
        JsonNode text = message.get("text");
        return new TelegramUpdate(updateId, new TelegramUpdate.Message(
                message.path("message_id").asLong(),
                chat.path("id").asLong(),
                chat.path("type").asText(""),
                fromId,
                fromName,
                text != null && text.isTextual() ? text.asText() : null));
    }

    @Override
    public String toString() {
        return "TelegramBotApi[" + apiRoot + ", token=" + TokenRedactor.MASK + "]";
    }
}
