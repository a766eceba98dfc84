package jsup.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of reading a config file: the config when it is valid, and in any case every
 * problem and warning found.
 *
 * @param path     the file read
 * @param config   the validated config, or null when {@code problems} is not empty
 * @param problems what makes the config unusable, each with its path
 * @param warnings  what was ignored or replaced (unknown keys, unsupported upstream values)
 * @param agentFile the per-agent file merged over it ({@code agents/main/config.json}), or null
 */
public record ConfigLoad(Path path, GatewayConfig config, List<ConfigProblem> problems, List<ConfigProblem> warnings,
                         Path agentFile) {

    public ConfigLoad {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public ConfigLoad(Path path, GatewayConfig config, List<ConfigProblem> problems, List<ConfigProblem> warnings) {
        this(path, config, problems, warnings, null);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The config, or an exception listing every problem. */
    public GatewayConfig orThrow() throws InvalidConfigException {
        if (!isValid()) {
            throw new InvalidConfigException(path, problems);
        }
        return config;
    }
}
