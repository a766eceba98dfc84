package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * stop, restart, reload and delete: the same arguments ({@code <name|id|namespace|all|file>…},
 * {@code --only}) and the same report (what changed, then the table).
 */
abstract class AppActionCommand extends DaemonCommand {

    @Parameters(arity = "1..*", paramLabel = "TARGET",
            description = "App name, id, namespace, 'all', or an ecosystem file (its apps).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--only", split = ",", paramLabel = "APP", description = "With a file: only these apps.")
    List<String> only;

    @Option(names = "--json", description = "Print jsupd's results as JSON instead of the table.")
    boolean json;

    AppActionCommand(CliContext ctx) {
        super(ctx);
    }

    /** The control command, e.g. {@code stop}. */
    abstract String command();

    /** Result fields to report, each with its label: {field, label, field, label…}. */
    abstract String[] reportedFields();

    /**
     * Whether the command starts apps (restart, reload): a file is then deployed (its plan printed
     * first), and the report waits for the apps to settle and fails for those that did not come up.
     */
    boolean startsApps() {
        return false;
    }

    /** Adds the command's own options to one target's request. */
    ObjectNode withOptions(ObjectNode args) {
        return args;
    }

    @Override
    final void run(DaemonConnection daemon) {
        List<JsonNode> results = new ArrayList<>();
        for (String target : targets) {
            ObjectNode args = withOptions(targetOrFile(target, only));
            results.add(startsApps() && args.has("file") ? deployFile(daemon, command(), args, json)
                    : daemon.call(command(), args));
        }
        if (startsApps()) {
            reportStarts(daemon, results, json, reportedFields());
            return;
        }
        if (json) {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            results.forEach(all::add);
            printJson(results.size() == 1 ? results.get(0) : all);
        } else {
            String[] fields = reportedFields();
            for (JsonNode result : results) {
                for (int i = 0; i < fields.length; i += 2) {
                    sayNames(result, fields[i], fields[i + 1]);
                }
            }
            printTable(daemon);
        }
    }
}
