package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup stop <name|id|namespace|all|file>…}. */
@Command(name = "stop", description = "Stop apps: their kill_signal, then SIGKILL after kill_timeout, whole process tree. Waits until "
            + "they have stopped. Apps stopped together stop their dependents (depends_on) first.")
final class StopCommand extends AppActionCommand {

    StopCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    String command() {
        return "stop";
    }

    @Override
    String[] reportedFields() {
        return new String[] {"stopped", "stopped", "already_stopped", "already stopped"};
    }
}
