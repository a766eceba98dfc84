package jsup.supervisor.config;

import java.util.List;

/** An ecosystem file (or a single app) was refused; {@link #problems()} holds every reason at once. */
public class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. Never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (problems.size() == 1) {
            return text.append(problems.get(0)).toString();
        }
        text.append(problems.size()).append(" problems");
        for (ConfigProblem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
