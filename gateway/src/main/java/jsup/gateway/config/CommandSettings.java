package jsup.gateway.config;

/**
 * The {@code commands} section.
 *
 * @param restart whether {@code /restart} may restart the gateway (upstream's default: false)
 */
public record CommandSettings(boolean restart) {
}
