/**
 * The gateway's config file ({@code moltbot.json}, upstream key names): where it is, {@code ${VAR}}
 * substitution from the environment and the {@code .env} beside it, validation that lists every
 * problem with its path, warnings for unknown keys, and the validated record tree
 * ({@link jsup.gateway.config.GatewayConfig}) the rest of the gateway reads.
 *
 * <p>Depends on Jackson, the value types of {@link jsup.gateway.model} and
 * {@link jsup.gateway.telegram.TelegramSettings}, and registers every secret it reads with
 * {@link jsup.gateway.logging.Secrets}. It only reads files; it starts nothing.
 */
package jsup.gateway.config;
