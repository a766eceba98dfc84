package jsup.supervisor.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every error and warning of one load, so a bad file is reported whole rather than one problem at a time. */
final class Problems {

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new ConfigProblem(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new ConfigProblem(path, message).toString());
    }

    int errorCount() {
        return errors.size();
    }

    List<ConfigProblem> errors() {
        return List.copyOf(errors);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** {@code apps[0]} + {@code cwd} gives {@code apps[0].cwd}; the root path is empty. */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
