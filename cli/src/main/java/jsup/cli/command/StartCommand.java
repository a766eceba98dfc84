package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup start <file|script|name|id|all>}: PM2's start, in its three forms. */
@Command(name = "start",
        description = {"Start apps:",
            "  jsup start ecosystem.json [--only a,b] [--env production]   every app of a JSON/YAML file",
            "  jsup start app.sh [--name web] [-- arg1 arg2]              one script",
            "  jsup start <name|id|namespace|all>                         apps jsupd already knows",
            "Starting what already runs changes nothing and says so. Then shows the app table."})
final class StartCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "FILE|SCRIPT|TARGET",
            description = "An ecosystem file (.json, .yaml, .yml), a script, or an app name, id, namespace or 'all'.")
    String what;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for a script (put them after --).")
    List<String> scriptArgs = new ArrayList<>();

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Name for a script (default: its base name).")
    String name;

    @Option(names = "--only", split = ",", paramLabel = "APP", description = "Only these apps of the file.")
    List<String> only;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    @Option(names = "--json", description = "Print jsupd's result as JSON instead of the table.")
    boolean json;

    StartCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    boolean bringsAppsBack() {
        return true;
    }

    @Override
    void run(DaemonConnection daemon) {
        ObjectNode args = DaemonConnection.args();
        Path path = ctx.resolve(what);
        boolean ecosystem = looksLikeEcosystem(what);
        if (ecosystem && !Files.isRegularFile(path)) {
            throw new ExitException(ExitCode.USAGE, "jsup: no file " + path + "; check the path");
        }
        if (ecosystem) {
            rejectIf(name != null, "--name is for a script; an ecosystem file names its apps");
            rejectIf(!scriptArgs.isEmpty(), "arguments after the file (" + String.join(" ", scriptArgs)
                    + ") apply only to a script; set 'args' in the file instead");
            args.put("file", path.toString());
            if (only != null && !only.isEmpty()) {
                ArrayNode o = args.putArray("only");
                only.forEach(o::add);
            }
            if (env != null) {
                args.put("env", env);
            }
        } else if (Files.isRegularFile(path)) {
            rejectIf(only != null, "--only applies to an ecosystem file, not to the script " + what);
            rejectIf(env != null, "--env applies to an ecosystem file, not to the script " + what);
            args.put("script", path.toString());
            args.put("cwd", ctx.cwd().toString());
            if (name != null) {
                args.put("name", name);
            }
            ArrayNode a = args.putArray("args");
            scriptArgs.forEach(a::add);
        } else {
            rejectIf(name != null || !scriptArgs.isEmpty(), "no script " + path
                    + " (--name and arguments are for a script); check the path");
            rejectIf(only != null || env != null, "--only/--env apply to an ecosystem file; '" + what
                    + "' is none");
            args.put("target", what);
        }
        JsonNode result = daemon.call("start", args);
        report(daemon, result, json);
    }

    private static void rejectIf(boolean bad, String message) {
        if (bad) {
            throw new ExitException(ExitCode.USAGE, "jsup: " + message);
        }
    }

    /** Shared by start and resurrect: what happened, warnings, the table, then errored apps fail. */
    void report(DaemonConnection daemon, JsonNode result, boolean asJson) {
        for (JsonNode w : result.path("warnings")) {
            warn(w.asText());
        }
        if (asJson) {
            printJson(result);
        } else {
            sayNames(result, "started", "started");
            sayNames(result, "already_running", "already running (nothing changed)");
            sayNames(result, "registered", "registered, not started");
            printTable(daemon);
        }
        failOnErrored(result.path("apps"));
    }
}
