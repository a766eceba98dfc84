package jsup.gateway.telegram;

/**
 * Who the bot is, as {@code getMe} reports it.
 *
 * @param id       the bot's user id (the part of the token before the colon)
 * @param username the bot's username without the {@code @}
 */
public record BotIdentity(long id, String username) {
}
