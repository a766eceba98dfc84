package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Telegram Bot API server on 127.0.0.1 (ephemeral port) for tests. It speaks the real wire
 * format ({@code /bot<token>/<method>}, JSON or form bodies, {@code {"ok":...}} envelopes) for
 * {@code getMe}, {@code deleteWebhook}, {@code getUpdates}, {@code sendMessage},
 * {@code sendChatAction}, {@code setMyCommands} and {@code deleteMyCommands}, and behaves as the
 * real one where the channel depends on it:
 * <ul>
 *   <li>{@code getUpdates} holds the request until an update is queued or its {@code timeout}
 *       ends; an {@code offset} confirms and drops every update below it; a second
 *       {@code getUpdates} ends a waiting one with 409 "terminated by other getUpdates request";
 *       while a webhook is set it answers 409.</li>
 *   <li>{@code sendMessage} refuses empty text and text over 4096 characters.</li>
 *   <li>{@code setMyCommands} refuses more than 100 entries (or {@link #commandLimit(int)}) with
 *       400 {@code BOT_COMMANDS_TOO_MUCH}, and malformed commands with {@code BOT_COMMAND_INVALID}.</li>
 *   <li>A wrong token gets 401 Unauthorized.</li>
 * </ul>
 * It records every request, can be told to fail, and carries its own assertions. Public so other
 * gateway tests (end to end) can use it.
 */
public final class FakeTelegramApi implements AutoCloseable {

    /** A token of the real shape; tests check it never shows up in logs. */
    public static final String DEFAULT_TOKEN = "7081234567:AAHfakeTokenForTestsOnly_0123456789abcd";
    public static final String CONFLICT_DESCRIPTION =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    /** One request as the server saw it. */
    public record Call(String method, JsonNode params) {
    }

    /** One {@code sendMessage} the server accepted. */
    public record SentMessage(long chatId, String text) {
    }

    private record Failure(int errorCode, String description, Integer retryAfter, boolean dropConnection) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();

    // Everything below is guarded by lock.
    private final List<Call> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private final List<ObjectNode> confirmed = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private List<String> menu = List.of();
    private int commandLimit = 100;
    private long nextUpdateId = 500_000_001L;
    private long nextMessageId = 1;
    private long pollGeneration;
    private boolean webhookSet;
    private boolean redeliverConfirmedOnNextPoll;
    private boolean closed;

    private FakeTelegramApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-telegram");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake that accepts {@link #DEFAULT_TOKEN}. */
    public static FakeTelegramApi start() throws IOException {
        return start(DEFAULT_TOKEN);
    }

    public static FakeTelegramApi start(String token) throws IOException {
        return new FakeTelegramApi(token);
    }

    /** What to put in {@code channels.telegram.apiRoot}. */
    public URI apiRoot() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String token() {
        return token;
    }

    // ---- scripting ------------------------------------------------------------------------

    /** Queues a private-chat text message from {@code userId}; returns its update id. */
    public long queueText(long userId, String text) {
        return queueMessage(userId, "private", userId, "user" + userId, text);
    }

    /** Queues a text message from {@code userId} in group {@code chatId} (negative, as Telegram's). */
    public long queueGroupText(long chatId, long userId, String text) {
        return queueMessage(chatId, "group", userId, "user" + userId, text);
    }

    /** Queues a sticker (a message without text) from {@code userId} in a private chat. */
    public long queueSticker(long userId) {
        return queueMessage(userId, "private", userId, "user" + userId, null);
    }

    private long queueMessage(long chatId, String chatType, long userId, String username, String text) {
        synchronized (lock) {
            long updateId = nextUpdateId++;
            ObjectNode update = json.createObjectNode().put("update_id", updateId);
            ObjectNode message = update.putObject("message");
            message.put("message_id", nextMessageId++);
            message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User " + userId)
                    .put("username", username);
            ObjectNode chat = message.putObject("chat").put("id", chatId).put("type", chatType);
            if ("private".equals(chatType)) {
                chat.put("first_name", "User " + userId).put("username", username);
            } else {
                chat.put("title", "Group " + chatId);
            }
            message.put("date", System.currentTimeMillis() / 1000);
            if (text != null) {
                message.put("text", text);
            } else {
                message.putObject("sticker").put("file_id", "CAACAgIAAxkBAAEfake").put("emoji", "👍");
            }
            pending.add(update);
            lock.notifyAll();
            return updateId;
        }
    }

    /** The next {@code times} calls of {@code method} answer {@code {"ok":false,...}} with this error. */
    public FakeTelegramApi failNext(String method, int times, int errorCode, String description) {
        return script(method, times, new Failure(errorCode, description, null, false));
    }

    /** The next {@code times} calls of {@code method} answer 429 with {@code parameters.retry_after}. */
    public FakeTelegramApi rateLimitNext(String method, int times, int retryAfterSeconds) {
        return script(method, times, new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds,
                retryAfterSeconds, false));
    }

    /** The next {@code times} {@code getUpdates} answer 409 as when another poller took over. */
    public FakeTelegramApi conflictNext(int times) {
        return failNext("getUpdates", times, 409, CONFLICT_DESCRIPTION);
    }

    /** The next {@code times} calls of {@code method} get their connection closed with no answer
     *  (the request is not processed, so an {@code offset} in it confirms nothing). */
    public FakeTelegramApi dropNext(String method, int times) {
        return script(method, times, new Failure(0, "", null, true));
    }

    private FakeTelegramApi script(String method, int times, Failure failure) {
        synchronized (lock) {
            Deque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(failure);
            }
        }
        return this;
    }

    /** {@code setMyCommands} refuses more than {@code limit} entries (Telegram: 100). */
    public FakeTelegramApi commandLimit(int limit) {
        synchronized (lock) {
            commandLimit = limit;
        }
        return this;
    }

    /** A webhook is set: {@code getUpdates} answers 409 until {@code deleteWebhook}. */
    public FakeTelegramApi webhookSet() {
        synchronized (lock) {
            webhookSet = true;
        }
        return this;
    }

    /**
     * The next {@code getUpdates} also returns updates already confirmed, whatever its
     * {@code offset}, as a Bot API server restored from an older state would.
     */
    public FakeTelegramApi redeliverConfirmedOnNextPoll() {
        synchronized (lock) {
            redeliverConfirmedOnNextPoll = true;
        }
        return this;
    }

    // ---- what happened ----------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The method names of all calls, in arrival order. */
    public List<String> methods() {
        synchronized (lock) {
            return calls.stream().map(Call::method).toList();
        }
    }

    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public int count(String method) {
        return calls(method).size();
    }

    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /** The texts sent to one chat, in order. */
    public List<String> textsSentTo(long chatId) {
        synchronized (lock) {
            return sent.stream().filter(m -> m.chatId() == chatId).map(SentMessage::text).toList();
        }
    }

    /** The command names of the current menu. */
    public List<String> menu() {
        synchronized (lock) {
            return menu;
        }
    }

    /** How many updates wait unconfirmed. */
    public int pendingUpdates() {
        synchronized (lock) {
            return pending.size();
        }
    }

    // ---- assertions -------------------------------------------------------------------------

    /** Waits until {@code chatId} got {@code count} messages, then returns them in order. */
    public List<String> awaitTexts(long chatId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> textsSentTo(chatId).size() >= count);
        return textsSentTo(chatId);
    }

    /** Waits until a {@code getUpdates} arrives that confirms every update queued so far: all
     *  earlier ones have then been taken by the poller. */
    public void awaitAllConfirmed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (lock) {
                return pending.isEmpty() && lastPollOffset() >= nextUpdateId;
            }
        });
    }

    public void assertNothingSentTo(long chatId) {
        synchronized (lock) {
            assertThat(sent).as("messages to chat %d", chatId).noneMatch(m -> m.chatId() == chatId);
            assertThat(calls).as("chat actions in chat %d", chatId)
                    .noneMatch(c -> c.method().equals("sendChatAction") && c.params().path("chat_id").asLong() == chatId);
        }
    }

    /** The calls so far begin with {@code methods}, in this order. */
    public void assertCallsStartWith(String... methods) {
        assertThat(methods()).as("Bot API calls in order").startsWith(methods);
    }

    public void assertNoCallsOf(String method) {
        assertThat(methods()).as("Bot API calls").doesNotContain(method);
    }

    // ---- the server -------------------------------------------------------------------------

    private long lastPollOffset() {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).method().equals("getUpdates")) {
                return calls.get(i).params().path("offset").asLong(0);
            }
        }
        return 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var matcher = PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                reply(exchange, 404, error(404, "Not Found"));
                return;
            }
            if (!matcher.group(1).equals(token)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = matcher.group(2);
            JsonNode params = params(exchange);
            Failure failure;
            synchronized (lock) {
                failure = failures.getOrDefault(method, new ArrayDeque<>()).poll();
                if (failure != null && failure.dropConnection()) {
                    // Not recorded: the request never got through.
                    return;
                }
                calls.add(new Call(method, params));
            }
            if (failure != null) {
                ObjectNode body = error(failure.errorCode(), failure.description());
                if (failure.retryAfter() != null) {
                    body.putObject("parameters").put("retry_after", failure.retryAfter());
                }
                reply(exchange, failure.errorCode(), body);
                return;
            }
            ObjectNode answer = switch (method) {
                case "getMe" -> ok(json.createObjectNode().put("id", botId()).put("is_bot", true)
                        .put("first_name", "Jsup Test Bot").put("username", "jsup_test_bot"));
                case "deleteWebhook" -> {
                    synchronized (lock) {
                        webhookSet = false;
                    }
                    yield ok(BooleanNode.TRUE);
                }
                case "getUpdates" -> getUpdates(params);
                case "sendMessage" -> sendMessage(params);
                case "sendChatAction" -> sendChatAction(params);
                case "setMyCommands" -> setMyCommands(params);
                case "deleteMyCommands" -> {
                    synchronized (lock) {
                        menu = List.of();
                    }
                    yield ok(BooleanNode.TRUE);
                }
                default -> error(404, "Not Found");
            };
            reply(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    private ObjectNode getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int timeout = params.path("timeout").asInt(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        synchronized (lock) {
            if (webhookSet) {
                return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            long generation = ++pollGeneration;
            lock.notifyAll();
            ArrayNode result = json.createArrayNode();
            if (redeliverConfirmedOnNextPoll) {
                redeliverConfirmedOnNextPoll = false;
                confirmed.forEach(result::add);
            }
            while (true) {
                // An offset confirms every update below it: they are gone for good.
                while (!pending.isEmpty() && offset > 0 && pending.peek().path("update_id").asLong() < offset) {
                    confirmed.add(pending.poll());
                }
                if (!pending.isEmpty() || result.size() > 0 || closed) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                if (generation != pollGeneration) {
                    return error(409, CONFLICT_DESCRIPTION);
                }
            }
            int limit = params.path("limit").asInt(100);
            for (ObjectNode update : pending) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(update);
            }
            return ok(result);
        }
    }

    private ObjectNode sendMessage(JsonNode params) {
        String text = params.path("text").asText("");
        if (!params.has("chat_id")) {
            return error(400, "Bad Request: chat_id is empty");
        }
        if (text.isBlank()) {
            return error(400, "Bad Request: message text is empty");
        }
        if (text.length() > TelegramSettings.MAX_MESSAGE_LENGTH) {
            return error(400, "Bad Request: message is too long");
        }
        long chatId = params.path("chat_id").asLong();
        synchronized (lock) {
            sent.add(new SentMessage(chatId, text));
            ObjectNode message = json.createObjectNode().put("message_id", nextMessageId++).put("date", System.currentTimeMillis() / 1000)
                    .put("text", text);
            message.putObject("chat").put("id", chatId);
            return ok(message);
        }
    }

    private ObjectNode sendChatAction(JsonNode params) {
        if (!params.has("chat_id")) {
            return error(400, "Bad Request: chat_id is empty");
        }
        String action = params.path("action").asText("");
        if (!List.of("typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
                "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note").contains(action)) {
            return error(400, "Bad Request: wrong parameter action in request");
        }
        return ok(BooleanNode.TRUE);
    }

    private ObjectNode setMyCommands(JsonNode params) {
        JsonNode commands = params.path("commands");
        if (commands.isTextual()) {
            // Form-encoded requests carry the list as a JSON string.
            try {
                commands = json.readTree(commands.asText());
            } catch (IOException e) {
                return error(400, "Bad Request: can't parse commands JSON object");
            }
        }
        if (!commands.isArray()) {
            return error(400, "Bad Request: parameter \"commands\" is required");
        }
        synchronized (lock) {
            if (commands.size() > commandLimit) {
                return error(400, "Bad Request: BOT_COMMANDS_TOO_MUCH");
            }
        }
        List<String> names = new ArrayList<>();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!COMMAND.matcher(name).matches() || description.isEmpty() || description.length() > 256) {
                return error(400, "Bad Request: BOT_COMMAND_INVALID");
            }
            names.add(name);
        }
        synchronized (lock) {
            menu = List.copyOf(names);
        }
        return ok(BooleanNode.TRUE);
    }

    private JsonNode params(HttpExchange exchange) throws IOException {
        ObjectNode params = json.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            formInto(query, params);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return params;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.startsWith("application/json")) {
            JsonNode parsed = json.readTree(text);
            if (parsed != null && parsed.isObject()) {
                params.setAll((ObjectNode) parsed);
            }
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            formInto(text, params);
        }
        return params;
    }

    private static void formInto(String form, ObjectNode params) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        return body;
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away (a cancelled long poll): nothing to answer.
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
