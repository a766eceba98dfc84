package jsup.gateway.chat;

import java.util.List;

/**
 * The router every channel talks to. Implementations are thread-safe: channels call
 * {@link #handle} for different chats in parallel (messages of one chat are handed in order, one
 * at a time).
 */
public interface ChatHandler {

    /** Answers one message; may block while a model works. Never throws for a model failure:
     *  the reply then says what went wrong, without secrets. */
    ChatReply handle(ChatRequest request);

    /** The slash commands a channel may advertise (Telegram's command menu). */
    List<BotCommandInfo> commands();
}
