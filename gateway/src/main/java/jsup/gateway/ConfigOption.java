package jsup.gateway;

import java.util.Map;
import jsup.gateway.config.ConfigLocation;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: $MOLTBOT_CONFIG_PATH, else ~/.moltbot/moltbot.json).")
    String config;

    ConfigLocation resolve(Map<String, String> env) {
        return ConfigLocation.resolve(config, env);
    }
}
