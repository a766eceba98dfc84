package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** PM2's {@code startOrGracefulReload}: the same as {@code jsup reload} (a file's new apps are started, the others reloaded). */
@Command(name = "startOrGracefulReload", description = {"PM2's startOrGracefulReload: the same as 'jsup reload'. Mostly used with an ecosystem "
            + "file: apps not running yet are started, changed ones reloaded with their new definition, the "
            + "others reloaded.", "See: jsup reload --help"})
final class StartOrGracefulReloadCommand extends ReloadCommand {

    StartOrGracefulReloadCommand(CliContext ctx) {
        super(ctx);
    }
}
