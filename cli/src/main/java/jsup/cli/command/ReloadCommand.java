package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup reload <name|id|namespace|all|file>…}. */
@Command(name = "reload", description = {"Restart apps. Same as restart for jsup's single-process apps: there is no "
            + "zero-downtime reload (PM2 has one only in cluster mode).",
        "With a file: deployed as by restart (new apps started, changed ones restarted with their new definition)."})
class ReloadCommand extends RestartingCommand {

    ReloadCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "reload";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"started", "started", "restarted", "reloaded (restarted)", "registered",
            "registered, not started"};
    }
}
