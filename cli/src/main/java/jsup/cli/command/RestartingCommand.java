package jsup.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import picocli.CommandLine.Option;

/**
 * restart, reload and PM2's startOr… aliases: a file is re-read and deployed (new apps started,
 * changed ones restarted with their new definition, the others restarted); {@code --update-env}
 * gives a named app the calling shell's environment.
 */
abstract class RestartingCommand extends AppActionCommand {

    @Option(names = "--env", paramLabel = "PROFILE", description = "With a file: apply env_<PROFILE> of it.")
    String env;

    @Option(names = "--update-env", description = "The app takes this shell's environment (its own env keys stay "
            + "on top). A file's env is always applied.")
    boolean updateEnv;

    RestartingCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    final boolean startsApps() {
        return true;
    }

    @Override
    final ObjectNode withOptions(ObjectNode args) {
        if (args.has("file")) {
            if (env != null) {
                args.put("env", env);
            }
            return args;
        }
        if (env != null) {
            throw new ExitException(ExitCode.USAGE, "jsup: --env applies to an ecosystem file, not to '"
                    + args.path("target").asText() + "'; e.g. jsup " + command() + " ecosystem.json --env " + env);
        }
        if (updateEnv) {
            args.put("update_env", true);
            args.set("caller_env", callerEnv());
        }
        return args;
    }
}
