package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup scale <name> <N|+N|-N|max>}: grows or shrinks an app's live set of instances. */
@Command(name = "scale", description = {"Grow or shrink an app's set of instances (PM2's scale).",
        "N sets the count, +N adds N, -N removes N, max is one per core. New instances take the next ids and "
            + "start when the app runs; the highest ids stop and go first. save keeps the count."})
final class ScaleCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name.")
    String target;

    @Parameters(index = "1", paramLabel = "COUNT", description = "N, +N, -N or max.")
    String count;

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    ScaleCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("scale", DaemonConnection.args().put("target", target).put("count", count));
        if (json) {
            printJson(result);
            return;
        }
        say(result.path("app").asText() + ": " + result.path("from").asInt() + " → " + result.path("to").asInt()
                + " instance(s)");
        sayNames(result, "added", "added");
        sayNames(result, "removed", "stopped and removed");
        List<JsonNode> apps = new ArrayList<>();
        result.path("apps").forEach(apps::add);
        printTable(apps);
    }
}
