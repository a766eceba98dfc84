package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** PM2's {@code startOrRestart}: the same as {@code jsup restart} (a file's new apps are started, the others restarted). */
@Command(name = "startOrRestart", description = {"PM2's startOrRestart: the same as 'jsup restart'. Mostly used with an ecosystem "
            + "file: apps not running yet are started, changed ones restarted with their new definition, the "
            + "others restarted.", "See: jsup restart --help"})
final class StartOrRestartCommand extends RestartCommand {

    StartOrRestartCommand(CliContext ctx) {
        super(ctx);
    }
}
