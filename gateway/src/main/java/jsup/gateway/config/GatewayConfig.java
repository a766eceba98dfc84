package jsup.gateway.config;

import java.nio.file.Path;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.telegram.TelegramSettings;

/**
 * The validated config, with defaults filled in and {@code ${VAR}}s substituted. Immutable: a
 * reload builds a new one and swaps it in ({@link LiveConfig}).
 *
 * @param source   the file it was read from (it may not exist: then every value is a default)
 * @param gateway  HTTP port, bind address, auth token
 * @param telegram the Telegram channel's settings
 * @param commands which chat commands are enabled
 * @param models   model chain, task routing, providers
 */
public record GatewayConfig(Path source, GatewaySettings gateway, TelegramSettings telegram,
                            CommandSettings commands, ModelSettings models) {
}
