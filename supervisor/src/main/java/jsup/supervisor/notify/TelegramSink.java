package jsup.supervisor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Telegram Bot API {@code sendMessage} (plain text, so nothing needs escaping) to one chat. */
record TelegramSink(String apiUrl, String token, String chatId, Duration timeout) implements Sink {

    /** Telegram refuses longer messages. */
    static final int MAX_TEXT = 4096;

    @Override
    public String label() {
        return "telegram chat " + chatId;
    }

    @Override
    public void send(NotifyEvent event) throws IOException {
        String text = event.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        ObjectNode body = EventJson.JSON.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", text);
        body.put("disable_web_page_preview", true);
        String answer;
        try {
            answer = HttpPost.json(URI.create(apiUrl + "/bot" + token + "/sendMessage"), Map.of(), body.toString(),
                    timeout);
        } catch (IllegalArgumentException e) {
            throw new IOException("the bot token or api_url does not make a URL");
        }
        JsonNode reply = EventJson.JSON.readTree(answer == null || answer.isBlank() ? "{}" : answer);
        if (!reply.path("ok").asBoolean(false)) {
            throw new IOException("Telegram answered ok=false: " + reply.path("description").asText("no description"));
        }
    }

    @Override
    public List<String> secrets() {
        return List.of(token);
    }
}
