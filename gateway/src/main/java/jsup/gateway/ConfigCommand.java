package jsup.gateway;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.config.ConfigLoad;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config validate}: checks a config without starting anything. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check the config.",
        subcommands = ConfigCommand.Validate.class)
final class ConfigCommand extends CommandGroup {

    /** Prints every problem and warning with its path; exits 0 when valid, 78 when not. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "List every problem (exit 78) and warning in the config; exit 0 when it is valid.")
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConfigLoad load = config.load(System.getenv());
            ConfigOption.printProblems(out, load);
            ConfigOption.printWarnings(out, load);
            if (!load.isValid()) {
                out.println(load.path() + " is invalid: " + load.problems().size() + " problem(s)");
                return ExitCodes.CONFLICT;
            }
            out.println(load.path() + " is valid" + (load.warnings().isEmpty() ? "" : " (" + load.warnings().size() + " warning(s))"));
            return ExitCodes.OK;
        }
    }
}
