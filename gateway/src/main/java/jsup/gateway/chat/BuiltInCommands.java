package jsup.gateway.chat;

import java.util.List;
import java.util.Set;

/**
 * The commands the gateway answers itself, in menu order, and every name they answer to. Custom
 * commands ({@code channels.telegram.customCommands}) come after them and may not take these names.
 */
public final class BuiltInCommands {

    public static final List<BotCommandInfo> MENU = List.of(
            new BotCommandInfo("help", "What this bot can do"),
            new BotCommandInfo("status", "Gateway uptime, model chain and supervised apps"),
            new BotCommandInfo("model", "Show or pick the model for this chat"),
            new BotCommandInfo("new", "Forget this conversation"),
            new BotCommandInfo("restart", "Restart the gateway (when commands.restart is on)"),
            new BotCommandInfo("logs", "Last log lines of a supervised app: /logs <app>"));

    /** The operator commands: on Telegram for allowlisted users, over HTTP only with the gateway token. */
    public static final Set<String> OPERATOR = Set.of("restart", "logs");

    /** {@link #MENU}'s names plus their aliases ({@code /start} for help, {@code /reset} for new). */
    public static final Set<String> NAMES = Set.of("help", "start", "status", "model", "new", "reset", "restart", "logs");

    private BuiltInCommands() {
    }
}
