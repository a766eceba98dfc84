package jsup.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The config cannot be used; carries every problem found, not just the first. */
public final class InvalidConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(Path file, List<ConfigProblem> problems) {
        super("invalid config " + file + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
