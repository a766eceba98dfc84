package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code channels.telegram.customCommands}: {@code [{"command", "description", "reply"?,
 * "prompt"?}]}. Entries the Bot API's {@code setMyCommands} would refuse, that repeat a name, or that
 * take a built-in's name are left out with a warning naming the rule, so one bad entry neither
 * stops the gateway nor makes Telegram refuse the whole menu. The menu holds the built-ins first,
 * then the custom commands in config order, up to {@link #MAX_MENU} in all; the rest are left out
 * of the menu with a warning but still answer when typed.
 */
final class CustomCommandsReader {

    /** Telegram's limit on menu entries. */
    static final int MAX_MENU = 100;
    static final int MAX_DESCRIPTION = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> KEYS = Set.of("command", "description", "reply", "prompt");

    private CustomCommandsReader() {
    }

    /**
     * @param builtIns the names the gateway answers itself (aliases included), which a custom
     *                 command may not take
     * @param menuBuiltIns how many built-ins the menu shows ahead of the custom commands
     */
    static List<CustomCommand> read(JsonNode telegram, String path, Set<String> builtIns, int menuBuiltIns, ConfigReader r) {
        JsonNode list = telegram.path("customCommands");
        String listPath = path + ".customCommands";
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            r.problem(listPath, "expected a list [{\"command\": \"backup\", \"description\": \"...\"}], got "
                    + ConfigReader.describe(list, false));
            return List.of();
        }
        List<CustomCommand> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = listPath + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                r.warn(at, "left out: expected an object {\"command\": ..., \"description\": ...}");
                continue;
            }
            r.checkKeys(entry, at, KEYS, Set.of());
            String raw = entry.path("command").asText("").strip();
            String name = (raw.startsWith("/") ? raw.substring(1) : raw).toLowerCase(Locale.ROOT);
            String description = entry.path("description").asText("").strip();
            String rejected = !NAME.matcher(name).matches()
                    ? "the command must be 1-32 characters of a-z, 0-9 and _ (got \"" + raw + "\")"
                    : description.isEmpty() ? "the description must not be empty"
                    : description.length() > MAX_DESCRIPTION ? "the description has " + description.length()
                            + " characters; Telegram allows " + MAX_DESCRIPTION
                    : builtIns.contains(name) ? "/" + name + " is a built-in command; pick another name"
                    : !seen.add(name) ? "/" + name + " appears twice; the first one is kept"
                    : null;
            if (rejected != null) {
                r.warn(at, "left out: " + rejected);
                continue;
            }
            String reply = text(entry, "reply");
            String prompt = text(entry, "prompt");
            if (reply != null && prompt != null) {
                r.warn(at, "has both reply and prompt; the reply is used");
                prompt = null;
            }
            out.add(new CustomCommand(name, description, reply, prompt));
        }
        int room = MAX_MENU - menuBuiltIns;
        if (out.size() > room) {
            r.warn(listPath, out.size() + " custom commands, but the menu holds " + MAX_MENU + " entries and " + menuBuiltIns
                    + " are built-in: /" + out.get(room).command() + " and the " + (out.size() - room - 1)
                    + " after it are left out of the menu (they still answer when typed)");
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode entry, String key) {
        JsonNode node = entry.path(key);
        return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }
}
