package jsup.gateway;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.config.ConfigProblem;
import jsup.gateway.config.GatewayConfigLoader;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command, and how the commands load and report that file. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: $MOLTBOT_CONFIG_PATH, else the first that exists of ~/.openclaw/openclaw.json, "
                    + "~/.clawdbot/moltbot.json, ~/.moltbot/moltbot.json, ...; see docs/gateway.md).")
    String config;

    ConfigLocation resolve(Map<String, String> env) {
        return ConfigLocation.resolve(config, env);
    }

    /** Reads and checks the config this option names; never throws for a bad file, the result lists why. */
    ConfigLoad load(Map<String, String> env) {
        return new GatewayConfigLoader(env).load(resolve(env));
    }

    /** One {@code error   <path>: <message>} line per problem of {@code load}. */
    static void printProblems(PrintWriter out, ConfigLoad load) {
        print(out, "error   ", load.problems());
    }

    /** One {@code warning <path>: <message>} line per warning of {@code load}. */
    static void printWarnings(PrintWriter out, ConfigLoad load) {
        print(out, "warning ", load.warnings());
    }

    private static void print(PrintWriter out, String label, List<ConfigProblem> findings) {
        for (ConfigProblem p : findings) {
            out.println(label + p);
        }
    }
}
