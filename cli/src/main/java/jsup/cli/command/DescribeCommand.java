package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.AppDescription;
import jsup.cli.render.TimeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup describe <name|id>}: everything about an app. */
@Command(name = "describe", aliases = {"desc", "info", "show"},
        description = "Show an app's state, pids, log paths, config, restart history with reasons and last health results.")
final class DescribeCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "App name or id (or a namespace, or 'all').")
    String target;

    @Option(names = "--json", description = "Print the app objects (with config) as a JSON array.")
    boolean json;

    @Mixin
    ShowSecretsOption secrets;

    @Option(names = "--utc", description = "Times in UTC, ISO-8601 (2026-12-07T15:04:05.123Z); default: local time "
            + "with milliseconds (2026-12-07T15:04:05.123).")
    boolean utc;

    DescribeCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode apps = secrets.apply(daemon.call("describe", DaemonConnection.args().put("target", target))
                .path("apps"));
        if (json) {
            printJson(apps);
            return;
        }
        boolean first = true;
        for (JsonNode app : apps) {
            if (!first) {
                ctx.out().println();
            }
            first = false;
            ctx.out().print(AppDescription.render(app, ansi(), TimeFormat.of(ctx.env(), utc)));
        }
    }
}
