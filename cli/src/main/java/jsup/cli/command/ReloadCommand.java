package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup reload <name|id|namespace|all|file>…}. */
@Command(name = "reload", description = {"Restart apps. An app of several instances is replaced one instance at a "
            + "time: a spare instance starts and must be ready, then each instance is restarted and must be ready "
            + "before the next; the spare goes last. An app of one instance is restarted as by restart; one with "
            + "held sockets (\"sockets\") keeps its port open through it, so no connection is refused.",
        "With a file: deployed as by restart (new apps started, changed ones restarted with their new definition), "
            + "except that an app of several instances, all of them in the file, is replaced one instance at a time "
            + "as above, onto the file's definition."})
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
