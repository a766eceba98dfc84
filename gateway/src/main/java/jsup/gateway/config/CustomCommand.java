package jsup.gateway.config;

/**
 * One entry of {@code channels.telegram.customCommands} (upstream's key), already checked against
 * the Bot API's {@code setMyCommands} rules.
 *
 * @param command     the name without the slash: 1-32 characters of a-z, 0-9 and _
 * @param description the menu text: 1-256 characters
 * @param reply       a fixed answer, or null
 * @param prompt      what is sent to the model instead of the typed command, or null; with neither,
 *                    the typed command itself goes to the model, as upstream does
 */
public record CustomCommand(String command, String description, String reply, String prompt) {
}
