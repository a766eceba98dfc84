package jsup.cli.completion;

import java.util.ArrayList;
import java.util.List;

/**
 * The fish completion script: {@code complete} lines for commands (with summaries), each command's
 * options (with descriptions), app names from the running jsupd (only when its socket exists) and
 * files where an argument or option takes one.
 */
final class FishCompletion {

    private FishCompletion() {
    }

    static String script(CompletionModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # jsup completion for fish. Load it with: jsup completion fish | source
                # or save it as ~/.config/fish/completions/jsup.fish. App names come from the running jsupd
                # (jsup list --names); none are offered while no jsupd runs, and completing never starts one.

                function __jsup_names
                    set -l home $JSUP_HOME
                    test -n "$home"; or set home $HOME/.jsup
                    test -S "$home/jsup.sock"; and %s 2>/dev/null
                end

                complete -c jsup -f
                """.formatted(CompletionModel.NAMES_COMMAND));
        for (CompletionModel.Option o : model.rootOptions()) {
            sb.append("complete -c jsup -n __fish_use_subcommand").append(option(o)).append('\n');
        }
        for (CompletionModel.Command c : model.commands()) {
            for (String name : c.names()) {
                sb.append("complete -c jsup -n __fish_use_subcommand -a ").append(quote(name))
                        .append(" -d ").append(quote(c.summary())).append('\n');
            }
        }
        for (CompletionModel.Command c : model.commands()) {
            String when = " -n " + quote("__fish_seen_subcommand_from " + String.join(" ", c.names()));
            for (CompletionModel.Option o : c.options()) {
                sb.append("complete -c jsup").append(when).append(option(o)).append('\n');
            }
            List<String> words = new ArrayList<>(c.words());
            if (c.appNames()) {
                words.add("(__jsup_names)");
                words.add("all");
            }
            if (!words.isEmpty()) {
                sb.append("complete -c jsup").append(when).append(" -a ").append(quote(String.join(" ", words)))
                        .append('\n');
            }
            if (c.files()) {
                sb.append("complete -c jsup").append(when).append(" -F\n");
            }
        }
        return sb.toString();
    }

    /** {@code -s o -l output -r -F -d '…'} for one option. */
    private static String option(CompletionModel.Option o) {
        StringBuilder sb = new StringBuilder();
        for (String name : o.names()) {
            if (name.startsWith("--")) {
                sb.append(" -l ").append(name.substring(2));
            } else if (name.length() == 2) {
                sb.append(" -s ").append(name.substring(1));
            } else {
                sb.append(" -o ").append(name.substring(1));
            }
        }
        if (o.takesFile()) {
            sb.append(" -r -F");
        } else if (o.takesValue()) {
            sb.append(" -x");
        }
        return sb.append(" -d ").append(quote(o.description())).toString();
    }

    /** A single-quoted fish word. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
