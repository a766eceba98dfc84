package jsup.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jsup.cli.command.JsupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a completion script offers, read from the picocli model so it never drifts from the
 * commands: each command with its aliases and summary, its options (those that take a value, and
 * which of them take a file), and what its arguments are: app names, files, or fixed words.
 *
 * @param commands the subcommands of {@code jsup}, in help order
 * @param rootOptions the options of {@code jsup} itself ({@code --help}, {@code --version})
 */
public record CompletionModel(List<Command> commands, List<Option> rootOptions) {

    /** The shell function that lists app names runs this (fast path; never starts a daemon). */
    public static final String NAMES_COMMAND = "jsup list --names";

    /**
     * One option.
     *
     * @param names       every spelling, e.g. {@code -o} and {@code --output}
     * @param description its first description line
     * @param takesValue  whether a value follows it
     * @param takesFile   whether that value is a path (label FILE, DIR or PATH)
     */
    public record Option(List<String> names, String description, boolean takesValue, boolean takesFile) {
    }

    /**
     * One subcommand.
     *
     * @param names    its name, then its aliases
     * @param summary  its line in {@code jsup --help}
     * @param options  its visible options
     * @param appNames whether an argument may be an app name (label TARGET or APP)
     * @param files    whether an argument may be a file (label FILE or SCRIPT)
     * @param words    fixed argument values (e.g. the shells of {@code completion})
     */
    public record Command(List<String> names, String summary, List<Option> options, boolean appNames,
                          boolean files, List<String> words) {

        public String name() {
            return names.get(0);
        }
    }

    /** The model of {@code root} ({@code jsup} with every subcommand registered). */
    public static CompletionModel of(CommandLine root) {
        List<Command> commands = new ArrayList<>();
        for (CommandLine sub : new java.util.LinkedHashSet<>(root.getSubcommands().values())) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(spec.name());
            names.addAll(List.of(spec.aliases()));
            boolean appNames = false;
            boolean files = false;
            List<String> words = new ArrayList<>();
            for (PositionalParamSpec p : spec.positionalParameters()) {
                List<String> label = words(p.paramLabel());
                appNames |= label.contains("TARGET") || label.contains("APP");
                files |= label.contains("FILE") || label.contains("SCRIPT");
                words.addAll(fixedWords(spec.name(), String.join("|", label)));
            }
            commands.add(new Command(names, JsupCommand.SUMMARIES.getOrDefault(spec.name(), ""),
                    options(spec), appNames, files, words));
        }
        return new CompletionModel(commands, options(root.getCommandSpec()));
    }

    /** The words of a label such as {@code FILE|SCRIPT|TARGET} or {@code <file>}, upper case. */
    private static List<String> words(String label) {
        List<String> words = new ArrayList<>();
        for (String w : label.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static List<String> fixedWords(String command, String label) {
        if (command.equals("completion") && label.equals("SHELL")) {
            return Shell.names();
        }
        if (label.equals("PLATFORM")) {
            return List.of("systemd");
        }
        if (label.equals("SIGNAL")) {
            return List.of("SIGHUP", "SIGINT", "SIGUSR1", "SIGUSR2", "SIGTERM", "SIGKILL", "SIGCONT", "SIGSTOP");
        }
        return List.of();
    }

    private static List<Option> options(CommandSpec spec) {
        List<Option> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> label = words(o.paramLabel());
            boolean takesValue = o.arity().max() > 0;
            boolean takesFile = takesValue && (label.contains("FILE") || label.contains("DIR") || label.contains("PATH"));
            String[] description = o.description();
            options.add(new Option(List.of(o.names()), description.length == 0 ? "" : firstSentence(description[0]),
                    takesValue, takesFile));
        }
        return options;
    }

    /** The description up to its first ". " or "; ", without picocli variables, for a shell's hint. */
    private static String firstSentence(String text) {
        String plain = text.replaceAll("\\$\\{[^}]*}", "").replace("%n", " ").replace("%%", "%");
        int end = plain.length();
        for (String stop : new String[] {". ", "; ", " ("}) {
            int at = plain.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        String first = plain.substring(0, end).strip();
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
