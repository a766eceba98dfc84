package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup signal <SIG> <name>} (PM2's sendSignal). */
@Command(name = "signal", aliases = "sendSignal",
        description = "Send a signal (USR2, SIGHUP, …) to the main process of apps.")
final class SignalCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "SIGNAL", description = "Signal name, with or without SIG: USR2, SIGHUP, TERM.")
    String signal;

    @Parameters(index = "1", paramLabel = "TARGET", description = "App name, id, namespace or 'all'.")
    String target;

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    SignalCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("signal",
                DaemonConnection.args().put("signal", signal).put("target", target));
        if (json) {
            printJson(result);
        } else {
            sayNames(result, "signalled", "sent " + signal + " to");
            sayNames(result, "not_running", "not running, skipped");
        }
        if (result.path("signalled").isEmpty()) {
            throw new ExitException(ExitCode.FAILURE, "jsup: no process got " + signal + ": '" + target
                    + "' is not running; start it first: jsup start " + target);
        }
    }
}
