package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jsup resurrect}: brings back the apps of the last {@code jsup save}. */
@Command(name = "resurrect",
        description = {"Restore the apps saved by 'jsup save' (dump.json, or its .bak when damaged)",
            "and start those that were running when saved."})
final class ResurrectCommand extends DaemonCommand {

    @Option(names = "--json", description = "Print jsupd's result as JSON instead of the table.")
    boolean json;

    ResurrectCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    boolean bringsAppsBack() {
        return true;
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode result = daemon.call("resurrect", null);
        if (!json) {
            say("restored from " + result.path("path").asText());
        }
        new StartCommand(ctx).report(daemon, result, json);
    }
}
