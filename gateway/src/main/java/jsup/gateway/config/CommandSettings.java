package jsup.gateway.config;

import java.util.List;

/**
 * The {@code commands} section, and the custom commands of {@code channels.telegram.customCommands}.
 *
 * @param restart whether {@code /restart} may restart the gateway (upstream's default: false)
 * @param custom  the valid custom commands, in config order
 */
public record CommandSettings(boolean restart, List<CustomCommand> custom) {

    public CommandSettings {
        custom = List.copyOf(custom);
    }

    public CommandSettings(boolean restart) {
        this(restart, List.of());
    }
}
