package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup reset <name>}: zeroes restart counters. */
@Command(name = "reset", description = "Zero the restart counters (↺ and unstable restarts) of apps.")
final class ResetCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "App name, id, namespace or 'all'.")
    String target;

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    ResetCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("reset", DaemonConnection.args().put("target", target));
        if (json) {
            printJson(result);
        } else {
            sayNames(result, "reset", "reset counters of");
        }
    }
}
