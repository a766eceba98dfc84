package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup flush [name]}: empties log files safely. */
@Command(name = "flush", description = "Empty the log files of one app or of every app; no line being written is lost.")
final class FlushCommand extends DaemonCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "App name, id, namespace or 'all' (default: all).")
    String target;

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    FlushCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        ObjectNode args = DaemonConnection.args();
        if (target != null && !target.equals("all")) {
            args.put("target", target);
        }
        JsonNode result = daemon.call("flush", args);
        if (json) {
            printJson(result);
        } else {
            sayNames(result, "flushed", "flushed logs of");
        }
    }
}
