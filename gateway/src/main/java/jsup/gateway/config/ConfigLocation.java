package jsup.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which config file the gateway uses, how it was chosen, and where it keeps its state (the
 * Telegram update offset).
 *
 * @param configPath the config file, absolute
 * @param explicit   whether it was named (flag or environment); a named file must exist, the
 *                   default one may be missing (the gateway then runs on defaults)
 * @param stateDir   the state folder: {@code MOLTBOT_STATE_DIR} or the config file's folder
 * @param origin     how the file was chosen, for the start-up log line ("--config",
 *                   "$MOLTBOT_CONFIG_PATH", "found by the config search", ...)
 */
public record ConfigLocation(Path configPath, boolean explicit, Path stateDir, String origin) {

    /** Environment variables naming the config file, first one set wins (upstream's names). */
    public static final String[] CONFIG_ENV = {"MOLTBOT_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH", "OPENCLAW_CONFIG_PATH"};
    public static final String[] STATE_ENV = {"MOLTBOT_STATE_DIR", "CLAWDBOT_STATE_DIR", "OPENCLAW_STATE_DIR"};

    public ConfigLocation(Path configPath, boolean explicit, Path stateDir) {
        this(configPath, explicit, stateDir, explicit ? "named" : "default");
    }

    /** {@code --config} beats the environment, which beats the {@link ConfigSearch}. */
    public static ConfigLocation resolve(String flag, Map<String, String> env) {
        String named = flag;
        String origin = flag != null ? "--config" : null;
        for (int i = 0; named == null && i < CONFIG_ENV.length; i++) {
            named = blankToNull(env.get(CONFIG_ENV[i]));
            origin = named != null ? "$" + CONFIG_ENV[i] : null;
        }
        String state = null;
        for (int i = 0; state == null && i < STATE_ENV.length; i++) {
            state = blankToNull(env.get(STATE_ENV[i]));
        }
        Path stateOverride = state != null ? expandHome(state, env).toAbsolutePath().normalize() : null;
        Path config;
        if (named != null) {
            config = expandHome(named, env).toAbsolutePath().normalize();
        } else {
            List<Path> candidates = ConfigSearch.candidates(env, stateOverride);
            config = ConfigSearch.find(candidates);
            origin = Files.isRegularFile(config)
                    ? "found by the config search"
                    : "none of the " + candidates.size() + " places of the config search has a file";
        }
        Path stateDir = stateOverride != null ? stateOverride : config.getParent();
        return new ConfigLocation(config, named != null, stateDir, origin);
    }

    /** The {@code .env} file read beside the config. */
    public Path dotEnvPath() {
        return configPath.resolveSibling(".env");
    }

    /** The per-agent file merged over the config: {@code agents/main/config.json} beside it. */
    public Path agentConfigPath() {
        return configPath.resolveSibling("agents").resolve("main").resolve("config.json");
    }

    private static Path expandHome(String p, Map<String, String> env) {
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")) + p.substring(1));
        }
        return Path.of(p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
