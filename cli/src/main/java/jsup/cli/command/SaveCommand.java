package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jsup save} ({@code dump}): writes dump.json for resurrect and boot. */
@Command(name = "save", aliases = "dump",
        description = "Save every app (config and whether it runs) to $JSUP_HOME/dump.json, keeping the previous one "
            + "as dump.json.bak. 'jsup resurrect' and a booting 'jsup daemon' restore it.")
final class SaveCommand extends DaemonCommand {

    @Option(names = "--json", description = "Print jsupd's result as JSON.")
    boolean json;

    SaveCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("save", null);
        if (json) {
            printJson(result);
        } else {
            say("saved " + result.path("apps").asInt() + " app(s) to " + result.path("path").asText());
        }
    }
}
