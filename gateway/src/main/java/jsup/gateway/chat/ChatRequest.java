package jsup.gateway.chat;

/**
 * One incoming message from a person.
 *
 * @param channel  where it came from: {@code "telegram"} or {@code "web"}
 * @param chatId   the conversation it belongs to (history, model choice and ordering are per chat)
 * @param userId   who sent it (Telegram user id; for the web chat the session id)
 * @param userName a display name for logs, may be empty
 * @param text     the message text
 */
public record ChatRequest(String channel, String chatId, String userId, String userName, String text) {
}
