package jsup.gateway.bot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises slash commands: {@code /name}, {@code /name@BotName} (Telegram adds the bot's name in
 * groups) and arguments after a space. Text that does not start with a slash is not a command.
 */
public final class CommandParser {

    static final int DEFAULT_LOG_LINES = 40;
    static final int MAX_LOG_LINES = 50;

    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);

    private CommandParser() {
    }

    public static Optional<BotCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String args = m.group(2) == null ? "" : m.group(2).strip();
        switch (name) {
            case "help":
            case "start": // what Telegram sends when a person first opens the bot
                return Optional.of(new BotCommand.Help());
            case "status":
                return Optional.of(new BotCommand.Status());
            case "model":
                return Optional.of(new BotCommand.Model(args));
            case "new":
            case "reset":
                return Optional.of(new BotCommand.New());
            case "restart":
                return Optional.of(new BotCommand.Restart());
            case "logs":
                return Optional.of(logs(args));
            default:
                return Optional.of(new BotCommand.Unknown(name, args));
        }
    }

    private static BotCommand logs(String args) {
        String[] parts = args.isEmpty() ? new String[0] : args.split("\\s+");
        String app = parts.length > 0 ? parts[0] : "";
        int lines = DEFAULT_LOG_LINES;
        if (parts.length > 1 && parts[1].matches("\\d{1,4}")) {
            lines = Math.max(1, Math.min(MAX_LOG_LINES, Integer.parseInt(parts[1])));
        }
        return new BotCommand.Logs(app, lines);
    }
}
