package jsup.gateway;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.config.ConfigProblem;
import jsup.gateway.config.GatewayConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config validate}: checks a config without starting anything. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check the config.",
        subcommands = ConfigCommand.Validate.class)
final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

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
            ConfigLoad load = new GatewayConfigLoader(System.getenv()).load(config.resolve(System.getenv()));
            for (ConfigProblem p : load.problems()) {
                out.println("error   " + p);
            }
            for (ConfigProblem w : load.warnings()) {
                out.println("warning " + w);
            }
            if (!load.isValid()) {
                out.println(load.path() + " is invalid: " + load.problems().size() + " problem(s)");
                return ExitCodes.CONFLICT;
            }
            out.println(load.path() + " is valid" + (load.warnings().isEmpty() ? "" : " (" + load.warnings().size() + " warning(s))"));
            return ExitCodes.OK;
        }
    }
}
