package jsup.gateway.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jsup.gateway.chat.BotCommandInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the command menu with {@code setMyCommands}, within Telegram's limits: entries Telegram
 * would refuse are dropped with a warning, the list is cut to 100 with a warning, and on
 * {@code BOT_COMMANDS_TOO_MUCH} it is retried with 80 % of the entries until it is accepted or
 * empty. An empty menu is cleared with {@code deleteMyCommands}. A failure never stops the
 * channel: typed commands work without the menu.
 */
final class CommandMenuPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommandMenuPublisher.class);

    /** Telegram's limit on menu entries. */
    static final int MAX_COMMANDS = 100;
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final int MAX_DESCRIPTION = 256;

    private final TelegramBotApi api;

    CommandMenuPublisher(TelegramBotApi api) {
        this.api = api;
    }

    /** Publishes {@code commands}; returns the entries Telegram accepted (empty when none were). */
    List<BotCommandInfo> publish(List<BotCommandInfo> commands) throws InterruptedException {
        List<BotCommandInfo> menu = valid(commands);
        if (menu.size() > MAX_COMMANDS) {
            log.warn("The command menu has {} entries but Telegram allows {}: sending the first {};"
                    + " the others still work when typed", menu.size(), MAX_COMMANDS, MAX_COMMANDS);
            menu = new ArrayList<>(menu.subList(0, MAX_COMMANDS));
        }
        try {
            if (menu.isEmpty()) {
                api.deleteMyCommands();
                return List.of();
            }
            while (true) {
                try {
                    api.setMyCommands(menu);
                    log.info("Telegram command menu set ({} entries)", menu.size());
                    return menu;
                } catch (TelegramApiException.TooManyCommands e) {
                    int fewer = menu.size() * 8 / 10;
                    if (fewer == 0) {
                        log.warn("Telegram refused even a 1-entry command menu ({}); no menu is shown", e.getMessage());
                        return List.of();
                    }
                    log.warn("Telegram refused {} menu entries (BOT_COMMANDS_TOO_MUCH); retrying with {}", menu.size(), fewer);
                    menu = new ArrayList<>(menu.subList(0, fewer));
                }
            }
        } catch (IOException e) {
            log.warn("Command menu not sent: {}; typed commands still work", e.getMessage());
            return List.of();
        }
    }

    /** Drops entries Telegram would reject as a whole request (BOT_COMMAND_INVALID) and duplicates. */
    private static List<BotCommandInfo> valid(List<BotCommandInfo> commands) {
        List<BotCommandInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BotCommandInfo entry : commands) {
            String name = entry.command() == null ? "" : entry.command();
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            String description = entry.description() == null ? "" : entry.description().strip();
            if (!COMMAND.matcher(name).matches() || description.isEmpty()) {
                log.warn("Command menu entry '{}' left out: Telegram needs 1-32 characters of a-z, 0-9 and _"
                        + " and a non-empty description", entry.command());
                continue;
            }
            if (!seen.add(name)) {
                log.warn("Command menu entry '{}' appears twice; the first one is kept", name);
                continue;
            }
            if (description.length() > MAX_DESCRIPTION) {
                description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
            }
            out.add(new BotCommandInfo(name, description));
        }
        return out;
    }
}
