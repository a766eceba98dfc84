package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup restart <name|id|namespace|all|file>…}. */
@Command(name = "restart", description = "Restart apps (a stopped app is started). Resets the crash-loop count; recorded as 'manual'.")
final class RestartCommand extends AppActionCommand {

    RestartCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "restart";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"restarted", "restarted"};
    }

    @Override
    boolean failsOnErrored() {
        return true;
    }
}
