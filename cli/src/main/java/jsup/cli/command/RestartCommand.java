package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup restart <name|id|namespace|all|file>…}. */
@Command(name = "restart", description = {"Restart apps (a stopped app is started). Resets the crash-loop count; "
            + "recorded as 'manual'.",
        "With a file: re-read it (--env included); new apps are started, changed ones restarted with their new "
            + "definition (same id and history), the others restarted; apps not in the file are left alone.",
        "Waits until the apps are up; exit 1 with the end of its error log when one does not come up."})
class RestartCommand extends RestartingCommand {

    RestartCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "restart";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"started", "started", "restarted", "restarted", "registered", "registered, not started"};
    }
}
