package jsup.gateway;

import java.util.concurrent.Callable;
import jsup.gateway.app.ExitCodes;
import picocli.CommandLine;

/**
 * A command that only holds subcommands ({@code gateway}, {@code models}, {@code channels},
 * {@code config}): called alone it prints its usage to stderr and exits with the usage code.
 */
abstract class CommandGroup implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
