package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup delete <name|id|namespace|all|file>…}. */
@Command(name = "delete", aliases = "del", description = "Stop apps and forget them (PM2's delete). 'jsup save' afterwards to drop them from the dump.")
final class DeleteCommand extends AppActionCommand {

    DeleteCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "delete";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"deleted", "deleted"};
    }
}
