package jsup.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the gateway looks for its config when neither {@code --config} nor a {@code *_CONFIG_PATH}
 * variable names one, in upstream's order (openclaw {@code src/config/paths.ts}): the state folder
 * named by {@code $MOLTBOT_STATE_DIR} (or the CLAWDBOT/OPENCLAW one) first, then
 * {@code ~/.openclaw}, {@code ~/.clawdbot}, {@code ~/.moltbot} and {@code ~/.moldbot}; in each
 * folder {@code openclaw.json}, {@code clawdbot.json}, {@code moltbot.json}, {@code moldbot.json}.
 * The first file that exists wins; when none does, the first candidate is used (and the gateway
 * runs on defaults), as upstream does.
 */
public final class ConfigSearch {

    static final List<String> HOME_DIRS = List.of(".openclaw", ".clawdbot", ".moltbot", ".moldbot");
    static final List<String> FILE_NAMES = List.of("openclaw.json", "clawdbot.json", "moltbot.json", "moldbot.json");

    private ConfigSearch() {
    }

    /** Every place looked at, in order. */
    public static List<Path> candidates(Map<String, String> env, Path stateDirOverride) {
        List<Path> dirs = new ArrayList<>();
        if (stateDirOverride != null) {
            dirs.add(stateDirOverride);
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        for (String d : HOME_DIRS) {
            dirs.add(home.resolve(d));
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            for (String name : FILE_NAMES) {
                files.add(dir.resolve(name).toAbsolutePath().normalize());
            }
        }
        return files;
    }

    /** The first candidate that exists, or the first candidate when none does. */
    static Path find(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0));
    }
}
