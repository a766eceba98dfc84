package jsup.gateway.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which config file the gateway uses and where it keeps its state (the Telegram update offset).
 *
 * @param configPath the config file, absolute
 * @param explicit   whether it was named (flag or environment); a named file must exist, the
 *                   default one may be missing (the gateway then runs on defaults)
 * @param stateDir   the state folder: {@code MOLTBOT_STATE_DIR} or the config file's folder
 */
public record ConfigLocation(Path configPath, boolean explicit, Path stateDir) {

    /** Environment variables naming the config file, first one set wins (upstream's names). */
    public static final String[] CONFIG_ENV = {"MOLTBOT_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH", "OPENCLAW_CONFIG_PATH"};
    public static final String[] STATE_ENV = {"MOLTBOT_STATE_DIR", "CLAWDBOT_STATE_DIR", "OPENCLAW_STATE_DIR"};

    /** {@code --config} beats the environment, which beats {@code ~/.moltbot/moltbot.json}. */
    public static ConfigLocation resolve(String flag, Map<String, String> env) {
        String named = flag;
        for (int i = 0; named == null && i < CONFIG_ENV.length; i++) {
            named = blankToNull(env.get(CONFIG_ENV[i]));
        }
        Path config = named != null
                ? expandHome(named, env)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".moltbot", "moltbot.json");
        config = config.toAbsolutePath().normalize();
        String state = null;
        for (int i = 0; state == null && i < STATE_ENV.length; i++) {
            state = blankToNull(env.get(STATE_ENV[i]));
        }
        Path stateDir = state != null ? expandHome(state, env).toAbsolutePath().normalize() : config.getParent();
        return new ConfigLocation(config, named != null, stateDir);
    }

    /** The {@code .env} file read beside the config. */
    public Path dotEnvPath() {
        return configPath.resolveSibling(".env");
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
