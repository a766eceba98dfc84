package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.doctor.Marks;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup health <name>}: has jsupd run an app's probes now and shows each result; exit 1 when one fails. */
@Command(name = "health",
        description = "Run the health probes of apps now (outside their schedule; never restarts anything) and show "
            + "each result: ✓ or ✗, the probe, its latency and what it saw. The results also go to "
            + "$JSUP_HOME/logs/healthmon.log but do not count towards a restart. Exit code 1 when a probe "
            + "fails, 3 when no app has that name.")
final class HealthCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "App name, id, namespace or 'all'.")
    String target;

    @Option(names = "--json", description = "Print jsupd's result as JSON: {\"apps\":[{\"name\",\"ok\",\"results\":[…]}]}.")
    boolean json;

    HealthCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("health", DaemonConnection.args().put("target", target));
        if (json) {
            printJson(result);
        } else {
            print(result);
        }
        int failed = 0;
        int probes = 0;
        for (JsonNode app : result.path("apps")) {
            for (JsonNode r : app.path("results")) {
                probes++;
                if (!r.path("ok").asBoolean()) {
                    failed++;
                }
            }
            if (!app.path("ok").asBoolean(true) && app.path("results").isEmpty()) {
                failed++;
            }
        }
        if (failed > 0) {
            throw new ExitException(ExitCode.FAILURE, json ? "" : "jsup: " + failed + " of " + probes
                    + " probe(s) of '" + target + "' failed");
        }
    }

    /** {@code ✓ web  tcp 127.0.0.1:8080  1 ms  connected}, one line per probe; a note for an app without probes. */
    private void print(JsonNode result) {
        Marks marks = Marks.forStdout(ansi());
        int nameWidth = 0;
        int probeWidth = 0;
        for (JsonNode app : result.path("apps")) {
            nameWidth = Math.max(nameWidth, app.path("name").asText().length());
            for (JsonNode r : app.path("results")) {
                probeWidth = Math.max(probeWidth, r.path("probe").asText().length());
            }
        }
        for (JsonNode app : result.path("apps")) {
            String name = pad(app.path("name").asText(), nameWidth);
            if (app.has("note")) {
                ctx.out().println("- " + name + "  " + app.path("note").asText()
                        + " (add a health block to its config: docs/health.md)");
            }
            for (JsonNode r : app.path("results")) {
                String latency = r.path("latency_ms").asLong() + " ms";
                ctx.out().println(marks.of(r.path("ok").asBoolean()) + " " + name + "  "
                        + pad(r.path("probe").asText(), probeWidth) + "  " + String.format("%7s", latency) + "  "
                        + r.path("detail").asText(""));
            }
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
