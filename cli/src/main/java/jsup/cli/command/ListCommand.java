package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.StatusTable;
import jsup.cli.render.TerminalWidth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jsup list} ({@code ls}, {@code status}): the app table, or {@code --json} like {@code pm2 jlist}. */
@Command(name = "list", aliases = {"ls", "status", "l", "ps"},
        description = "Show every app: id, name, pid, status, ↺ restarts, uptime, cpu, mem, health. Coloured on a "
            + "terminal, plain columns when piped; --json prints the app objects (like pm2 jlist). An online app "
            + "waiting for its readiness signal shows as 'online (not ready)', with its STATUS= text after a colon.")
final class ListCommand extends DaemonCommand {

    @Option(names = "--json", description = "Print the apps as a JSON array.")
    boolean json;

    @Mixin
    ShowSecretsOption secrets;

    @Option(names = "--names", description = "Print only the app names, one a line (what shell completion uses).")
    boolean names;

    ListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        // The figures (metrics) only for scripts: the table does not show them, and they cost a /proc read per app.
        // The table asks for its own fields only, so jsupd neither builds nor sends the histories.
        ObjectNode args = DaemonConnection.args();
        if (json) {
            args.put("metrics", true);
        } else {
            StatusTable.FIELDS.forEach(args.putArray("fields")::add);
        }
        JsonNode apps = daemon.call("list", args).path("apps");
        if (json) {
            printJson(secrets.apply(apps));
            return;
        }
        if (names) {
            ctx.out().print(StatusTable.names(apps));
            return;
        }
        List<JsonNode> list = new ArrayList<>();
        apps.forEach(list::add);
        ctx.out().print(StatusTable.render(list, ansi(), TerminalWidth.of(ctx)));
        if (list.isEmpty()) {
            say("no apps yet; start some: jsup start ecosystem.json");
        }
    }
}
