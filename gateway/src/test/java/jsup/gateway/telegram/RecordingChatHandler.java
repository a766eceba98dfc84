package jsup.gateway.telegram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;

/**
 * A router for channel tests: answers "echo: &lt;text&gt;" (or what {@link #replyWith} says) and
 * records every request and when its handling started and ended.
 */
public final class RecordingChatHandler implements ChatHandler {

    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<ChatRequest, String> replies = request -> "echo: " + request.text();
    private volatile List<BotCommandInfo> commands = List.of(
            new BotCommandInfo("help", "What the bot can do"),
            new BotCommandInfo("status", "Uptime and models"));

    public RecordingChatHandler replyWith(Function<ChatRequest, String> replies) {
        this.replies = replies;
        return this;
    }

    public RecordingChatHandler commands(List<BotCommandInfo> commands) {
        this.commands = List.copyOf(commands);
        return this;
    }

    @Override
    public ChatReply handle(ChatRequest request) {
        requests.add(request);
        events.add("start " + request.text());
        try {
            return new ChatReply(replies.apply(request), "test-echo");
        } finally {
            events.add("end " + request.text());
        }
    }

    @Override
    public List<BotCommandInfo> commands() {
        return commands;
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The texts handled, in the order handling started. */
    public List<String> texts() {
        return requests.stream().map(ChatRequest::text).toList();
    }

    /** "start X" / "end X" in the order they happened. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
