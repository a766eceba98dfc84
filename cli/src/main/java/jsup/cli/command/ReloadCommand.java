package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup reload <name|id|namespace|all|file>…}. */
@Command(name = "reload", description = "Restart apps. Same as restart for jsup's single-process apps: there is no zero-downtime reload "
            + "(PM2 has one only in cluster mode).")
final class ReloadCommand extends AppActionCommand {

    ReloadCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "reload";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"restarted", "reloaded (restarted)"};
    }

    @Override
    boolean failsOnErrored() {
        return true;
    }
}
