package jsup.supervisor.config;

/**
 * One thing wrong with an ecosystem file.
 *
 * @param path    where, as a JSON path such as {@code apps[0].max_memory_restart}; empty for the whole file
 *                (for example a syntax error, whose message then gives line and column)
 * @param message what is wrong, quoting the bad value and saying what would be accepted
 */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
