package jsup.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The shells {@code jsup completion} writes a script for, each with its script writer. */
public enum Shell {

    BASH(BashCompletion::script),
    ZSH(ZshCompletion::script),
    FISH(FishCompletion::script);

    private final Function<CompletionModel, String> writer;

    Shell(Function<CompletionModel, String> writer) {
        this.writer = writer;
    }

    /** The completion script for this shell. */
    public String script(CompletionModel model) {
        return writer.apply(model);
    }

    /** {@code bash}, {@code zsh}, {@code fish}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Shell> of(String name) {
        for (Shell s : values()) {
            if (s.id().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every shell's name, for messages and for completing {@code jsup completion}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Shell s : values()) {
            names.add(s.id());
        }
        return names;
    }
}
