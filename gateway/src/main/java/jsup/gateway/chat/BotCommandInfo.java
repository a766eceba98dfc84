package jsup.gateway.chat;

/**
 * One entry of a command menu.
 *
 * @param command     the command without the slash, 1-32 chars of a-z, 0-9 and _
 * @param description what it does, 1-256 chars
 */
public record BotCommandInfo(String command, String description) {
}
