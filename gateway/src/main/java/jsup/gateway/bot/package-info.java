/**
 * The bot's brain behind every channel: {@link jsup.gateway.bot.ChatRouter} implements
 * {@link jsup.gateway.chat.ChatHandler}, runs the slash commands ({@code /help /status /model /new
 * /restart /logs}) and hands everything else to the model router with the chat's bounded
 * history.
 *
 * <p>Depends on {@link jsup.gateway.chat}, {@link jsup.gateway.config}, {@link jsup.gateway.model}
 * and {@link jsup.gateway.ops}. It never exits the process itself: {@code /restart} goes through
 * the {@link jsup.gateway.bot.RestartAction} seam.
 */
package jsup.gateway.bot;
