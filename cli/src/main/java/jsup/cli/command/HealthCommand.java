package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup health <name>}: runs an app's probes now; exit 1 when one fails. */
@Command(name = "health",
        description = {"Run the health probes of apps now (outside their schedule; never restarts anything).",
            "Exit code 1 when a probe fails."})
final class HealthCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "App name, id, namespace or 'all'.")
    String target;

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    HealthCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("health", DaemonConnection.args().put("target", target));
        boolean allOk = true;
        if (json) {
            printJson(result);
        }
        for (JsonNode app : result.path("apps")) {
            boolean ok = app.path("ok").asBoolean();
            allOk &= ok;
            if (json) {
                continue;
            }
            String name = app.path("name").asText();
            if (app.has("note")) {
                ctx.out().println(name + ": " + app.path("note").asText());
            }
            for (JsonNode r : app.path("results")) {
                boolean pass = r.path("ok").asBoolean();
                ctx.out().println(name + ": " + (pass ? ansi().green("ok") : ansi().red("FAIL")) + " "
                        + r.path("probe").asText() + " (" + r.path("latency_ms").asLong() + " ms) "
                        + r.path("detail").asText(""));
            }
        }
        if (!allOk) {
            throw new ExitException(ExitCode.FAILURE, "jsup: a health check of '" + target + "' failed");
        }
    }
}
