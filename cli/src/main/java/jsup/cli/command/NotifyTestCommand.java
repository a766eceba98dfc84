package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.doctor.Marks;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup notify test [NAME]}: one test message through each sink now; exit 1 when one failed. */
@Command(name = "test",
        description = "Send a test notification through every sink of app NAME (of every app with a notify block "
            + "when no NAME is given) now, past the rate limit, and show each sink's result: ✓ or ✗ and why. "
            + "Exit code 1 when a sink failed, 2 when no app has a notify block, 3 when no app has that name.")
final class NotifyTestCommand extends DaemonCommand {

    /** Longer than any sink's timeout, so a dead sink is reported rather than timing the call out. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "App name or id (default: all).")
    String app;

    @Option(names = "--json", description = "Print jsupd's result as JSON: {\"ok\",\"sinks\":[{\"sink\",\"apps\","
            + "\"ok\",\"error\"}]}.")
    boolean json;

    NotifyTestCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        ObjectNode args = DaemonConnection.args();
        if (app != null) {
            args.put("app", app);
        }
        JsonNode result = daemon.call("notify-test", args, CALL_TIMEOUT);
        int failed = 0;
        Marks marks = Marks.forStdout(ansi());
        for (JsonNode sink : result.path("sinks")) {
            boolean ok = sink.path("ok").asBoolean();
            failed += ok ? 0 : 1;
            if (!json) {
                ctx.out().println(marks.of(ok) + " " + sink.path("sink").asText() + "  ("
                        + String.join(", ", textsOf(sink.path("apps"))) + ")"
                        + (ok ? "  sent" : "  " + sink.path("error").asText()));
            }
        }
        if (json) {
            printJson(result);
        }
        if (failed > 0) {
            throw new ExitException(ExitCode.FAILURE, json ? "" : "jsup: " + failed + " of "
                    + result.path("sinks").size() + " sink(s) failed");
        }
    }

    private static java.util.List<String> textsOf(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
