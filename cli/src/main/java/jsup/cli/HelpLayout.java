package jsup.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jsup.cli.command.JsupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How jsup's help text is laid out, where picocli's defaults fall short: the top-level command
 * list shows each command's one-line summary ({@link JsupCommand#SUMMARIES}) instead of the first
 * line of its description (which for {@code start} was "Start apps:"), and descriptions wrap only
 * at spaces, so a path such as {@code ~/.config/systemd/user/jsup.service} is never split.
 */
final class HelpLayout {

    private HelpLayout() {
    }

    /** Installs the command list on {@code root} and the description layout on every command. */
    static void install(CommandLine root) {
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
        installDescription(root);
    }

    private static void installDescription(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        for (CommandLine sub : cl.getSubcommands().values()) {
            installDescription(sub);
        }
    }

    /** Each subcommand once, with its aliases, and its summary wrapped beside the names. */
    static String commandList(Help help) {
        Set<Help> subs = new LinkedHashSet<>(help.subcommands().values());
        if (subs.isEmpty()) {
            return "";
        }
        int namesWidth = 0;
        for (Help sub : subs) {
            namesWidth = Math.max(namesWidth, names(sub).length());
        }
        int width = help.commandSpec().usageMessage().width();
        String indent = " ".repeat(2 + namesWidth + 2);
        StringBuilder sb = new StringBuilder();
        for (Help sub : subs) {
            String name = sub.commandSpec().name();
            String summary = JsupCommand.SUMMARIES.getOrDefault(name, firstLine(sub));
            String names = names(sub);
            List<String> lines = wrap(summary, Math.max(20, width - indent.length()));
            sb.append("  ").append(names).append(" ".repeat(namesWidth - names.length() + 2))
                    .append(lines.get(0)).append('\n');
            for (String more : lines.subList(1, lines.size())) {
                sb.append(indent).append(more).append('\n');
            }
        }
        return sb.toString();
    }

    /** The description, each of its lines wrapped at spaces to the help's width, keeping its indent. */
    static String description(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        StringBuilder sb = new StringBuilder();
        for (String line : usage.description()) {
            for (String part : String.format(Locale.ROOT, line).split("\\R", -1)) {
                for (String wrapped : wrap(part, usage.width())) {
                    sb.append(wrapped).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} cut into lines of at most {@code width} characters at spaces only (a longer word
     * stays whole on its own line). Continuation lines keep the text's leading indent; spaces inside
     * a line that fits are kept, so aligned examples stay aligned.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= indent.length()) {
                cut = -1;
            }
            if (cut < 0) {
                cut = rest.indexOf(' ', width);
                if (cut < 0) {
                    break;
                }
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static String names(Help sub) {
        List<String> all = new ArrayList<>();
        all.add(sub.commandSpec().name());
        all.addAll(List.of(sub.commandSpec().aliases()));
        return String.join(", ", all);
    }

    private static String firstLine(Help sub) {
        String[] description = sub.commandSpec().usageMessage().description();
        return description.length == 0 ? "" : String.format(Locale.ROOT, description[0]);
    }
}
