package jsup.gateway.telegram;

/**
 * One entry of a {@code getUpdates} result, reduced to what the channel uses.
 *
 * @param updateId Telegram's {@code update_id}; increases by one per update
 * @param message  the new message, or null for any other kind of update
 */
public record TelegramUpdate(long updateId, Message message) {

    /**
     * A message, reduced to what the channel uses.
     *
     * @param messageId the message id within its chat
     * @param chatId    the chat it was sent in (for a private chat, the sender's user id)
     * @param chatType  {@code private}, {@code group}, {@code supergroup} or {@code channel}
     * @param fromId    the sender's user id, or null when Telegram gives none (channel posts)
     * @param fromName  the sender's username, else first name, else empty
     * @param text      the text, or null for stickers, photos and other non-text messages
     */
    public record Message(long messageId, long chatId, String chatType, Long fromId, String fromName, String text) {

        /** A one-to-one chat with the sender. */
        public boolean isPrivate() {
            return "private".equals(chatType);
        }
    }
}
