/**
 * The Telegram channel: Bot API long polling, access control, chunked replies and the command
 * menu, handing each allowed message to a {@link jsup.gateway.chat.ChatHandler}.
 *
 * <p>Public API for the rest of the gateway: {@link jsup.gateway.telegram.TelegramChannel} (start,
 * stop, status), {@link jsup.gateway.telegram.TelegramStatus}, {@link jsup.gateway.telegram.TelegramSettings}
 * (built by the config package), the small Bot API client {@link jsup.gateway.telegram.TelegramBotApi}
 * with its errors, and the {@link jsup.gateway.telegram.Sleeper} seam. Everything else here is
 * package-private machinery of the channel.
 *
 * <p>May touch: the network (only the configured Bot API root), files under
 * {@code <stateDir>/telegram/}, and {@code jsup.gateway.chat}. Nothing else in the gateway. The bot
 * token never leaves this package in clear text: URLs carry it, so every message built from an
 * HTTP failure is redacted first.
 */
package jsup.gateway.telegram;
