package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code notify} blocks (docs/notifications.md): the file's top-level one and each app's. An app's
 * block extends the top one: its sinks are added to the top's, its {@code events} and {@code rate_limit}
 * replace the top's; {@code "notify": false} turns the top one off for that app.
 */
final class NotifyReader {

    static final List<String> KEYS = List.of("webhook", "telegram", "exec", "events", "rate_limit");
    private static final List<String> WEBHOOK_KEYS = List.of("url", "headers", "timeout");
    private static final List<String> TELEGRAM_KEYS = List.of("token", "chat_id", "api_url", "timeout");
    private static final List<String> EXEC_KEYS = List.of("command", "timeout");

    /** One block as written: {@code events} and {@code rateLimit} are null when not given. */
    record Block(List<NotifySink> sinks, Set<String> events, Duration rateLimit) {
    }

    private NotifyReader() {
    }

    /** The top-level {@code notify} of an {@code {"apps": [...]}} file, or null. */
    static Block top(JsonNode root, Problems problems) {
        if (root == null || !root.isObject() || !(root.has("apps") || root.has("pm2")) || !root.has("notify")
                || root.get("notify").isNull()) {
            return null;
        }
        return block(root.get("notify"), "notify", problems);
    }

    /** The app's {@code notify} merged with the top one; null when the app sends nothing. */
    static NotifySpec forApp(Fields f, Block top, Problems problems) {
        JsonNode value = f.take("notify");
        String path = f.path("notify");
        if (value != null && value.isBoolean()) {
            if (value.booleanValue() && top == null) {
                problems.error(path, "is true but the file has no top-level notify block; give a block here");
            }
            return value.booleanValue() ? merge(top, null, path, problems) : null;
        }
        Block own = value == null ? null : block(value, path, problems);
        if (own == null && top == null) {
            return null;
        }
        return merge(top, own, path, problems);
    }

    private static NotifySpec merge(Block top, Block own, String path, Problems problems) {
        List<NotifySink> sinks = new ArrayList<>();
        Set<String> events = null;
        Duration rateLimit = null;
        for (Block b : new Block[] {top, own}) {
            if (b == null) {
                continue;
            }
            b.sinks().stream().filter(s -> !sinks.contains(s)).forEach(sinks::add);
            events = b.events() != null ? b.events() : events;
            rateLimit = b.rateLimit() != null ? b.rateLimit() : rateLimit;
        }
        if (sinks.isEmpty()) {
            problems.error(path, "has no sink; add \"webhook\", \"telegram\" or \"exec\" (see docs/notifications.md)");
            return null;
        }
        return new NotifySpec(sinks, events != null ? events : new LinkedHashSet<>(NotifySpec.EVENTS),
                rateLimit != null ? rateLimit : NotifySpec.RATE_LIMIT);
    }

    private static Block block(JsonNode value, String path, Problems problems) {
        if (!value.isObject()) {
            problems.error(path, Values.show(value) + " is not a notify block; use {\"webhook\": \"https://...\"}, "
                    + "{\"telegram\": {\"token\": \"${TELEGRAM_BOT_TOKEN}\", \"chat_id\": \"...\"}} or false");
            return null;
        }
        Fields f = new Fields((ObjectNode) value, path, problems);
        List<NotifySink> sinks = new ArrayList<>();
        each(f, "webhook", v -> webhook(f, v), sinks);
        each(f, "telegram", v -> telegram(f, v), sinks);
        each(f, "exec", v -> exec(f, v), sinks);
        Set<String> events = events(f);
        Duration rateLimit = f.has("rate_limit") ? f.duration("rate_limit", NotifySpec.RATE_LIMIT) : null;
        f.warnUnused(KEYS, false);
        return new Block(sinks, events, rateLimit);
    }

    private interface SinkRead {
        NotifySink read(JsonNode value);
    }

    /** A sink key holds one sink or an array of them. */
    private static void each(Fields f, String key, SinkRead read, List<NotifySink> into) {
        JsonNode value = f.take(key);
        if (value == null) {
            return;
        }
        for (JsonNode entry : Fields.oneOrMany(value)) {
            NotifySink sink = read.read(entry);
            if (sink != null) {
                into.add(sink);
            }
        }
    }

    private static NotifySink webhook(Fields parent, JsonNode value) {
        if (value.isTextual()) {
            return url(parent, "webhook", value.textValue()) ? new NotifySink.Webhook(value.textValue(), Map.of(),
                    NotifySink.TIMEOUT) : null;
        }
        if (!value.isObject()) {
            parent.bad("webhook", value, "is not a URL or {\"url\": ..., \"headers\": {...}}");
            return null;
        }
        Fields f = new Fields((ObjectNode) value, parent.path("webhook"), parent.problems());
        String url = f.nonEmptyText("url");
        if (url == null && !f.has("url")) {
            f.error("url", "is missing; give the webhook's URL, e.g. \"${SLACK_WEBHOOK_URL}\"");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = f.take("headers");
        if (h != null && !h.isObject()) {
            f.bad("headers", h, "is not an object; use {\"Authorization\": \"Bearer ${TOKEN}\"}");
        } else if (h != null) {
            h.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getKey().isBlank()) {
                    headers.put(e.getKey(), e.getValue().asText());
                } else {
                    f.problems().error(f.path("headers") + "." + e.getKey(), "is not a header value; use a string");
                }
            });
        }
        Duration timeout = timeout(f);
        f.warnUnused(WEBHOOK_KEYS, false);
        return url != null && url(f, "url", url) ? new NotifySink.Webhook(url, headers, timeout) : null;
    }

    private static NotifySink telegram(Fields parent, JsonNode value) {
        if (!value.isObject()) {
            parent.bad("telegram", value, "is not {\"token\": \"${TELEGRAM_BOT_TOKEN}\", \"chat_id\": \"...\"}");
            return null;
        }
        Fields f = new Fields((ObjectNode) value, parent.path("telegram"), parent.problems());
        String token = f.nonEmptyText("token");
        if (!f.has("token")) {
            f.error("token", "is missing; give the bot token, e.g. \"${TELEGRAM_BOT_TOKEN}\" (from .env)");
        }
        JsonNode chat = f.take("chat_id");
        String chatId = null;
        if (chat == null) {
            f.error("chat_id", "is missing; give the chat to write to, e.g. \"123456789\" or \"@channel\"");
        } else if (chat.isTextual() && !chat.textValue().isBlank() || chat.isIntegralNumber()) {
            chatId = chat.asText().strip();
        } else {
            f.bad("chat_id", chat, "is not a chat id; use a number or \"@channelname\"");
        }
        String api = f.has("api_url") ? f.nonEmptyText("api_url") : NotifySink.Telegram.API_URL;
        if (api != null && !url(f, "api_url", api)) {
            api = null;
        }
        Duration timeout = timeout(f);
        f.warnUnused(TELEGRAM_KEYS, false);
        return token == null || chatId == null || api == null ? null
                : new NotifySink.Telegram(token, chatId, stripSlash(api), timeout);
    }

    private static NotifySink exec(Fields parent, JsonNode value) {
        if (value.isTextual() && !value.textValue().isBlank()) {
            return new NotifySink.Exec(value.textValue(), NotifySink.TIMEOUT);
        }
        if (!value.isObject()) {
            parent.bad("exec", value, "is not a command; use \"notify-send \\\"$JSUP_APP $JSUP_EVENT\\\"\" or "
                    + "{\"command\": ..., \"timeout\": \"10s\"}");
            return null;
        }
        Fields f = new Fields((ObjectNode) value, parent.path("exec"), parent.problems());
        String command = f.nonEmptyText("command");
        if (!f.has("command")) {
            f.error("command", "is missing; give a shell command, e.g. \"logger -t jsup \\\"$JSUP_TEXT\\\"\"");
        }
        Duration timeout = timeout(f);
        f.warnUnused(EXEC_KEYS, false);
        return command == null ? null : new NotifySink.Exec(command, timeout);
    }

    private static Set<String> events(Fields f) {
        JsonNode value = f.take("events");
        if (value == null) {
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        for (JsonNode e : Fields.oneOrMany(value)) {
            if (e.isTextual() && NotifySpec.EVENTS.contains(e.textValue())) {
                events.add(e.textValue());
            } else {
                f.bad("events", e, "is not an event; use " + String.join(", ", NotifySpec.EVENTS));
            }
        }
        return events;
    }

    private static Duration timeout(Fields f) {
        Duration timeout = f.duration("timeout", NotifySink.TIMEOUT);
        if (timeout.isZero()) {
            f.error("timeout", "is 0; use a positive duration such as \"10s\"");
        }
        return timeout;
    }

    /** A URL is checked as written; one with a {@code ${VAR}} in it only once sent. */
    private static boolean url(Fields f, String key, String text) {
        if (text.contains("${")) {
            return true;
        }
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        f.error(key, Values.quote(text) + " is not an http(s) URL; use https://host/path or \"${VARIABLE}\"");
        return false;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
