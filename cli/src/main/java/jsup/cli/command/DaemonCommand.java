package jsup.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.Ansi;
import jsup.cli.render.StatusTable;
import jsup.supervisor.config.EcosystemFiles;

/**
 * A command that talks to jsupd: opens the connection (starting jsupd on first use or after a crash;
 * after a clean {@code jsup kill} only when {@link #bringsAppsBack()}), then {@link #run(DaemonConnection)}.
 */
abstract class DaemonCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    protected final CliContext ctx;

    DaemonCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final void run() {
        try (DaemonConnection daemon = connect()) {
            run(daemon);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The connection {@link #run(DaemonConnection)} gets; a command that can do without jsupd overrides it. */
    DaemonConnection connect() {
        return bringsAppsBack() ? DaemonConnection.openOrStart(ctx) : DaemonConnection.open(ctx);
    }

    abstract void run(DaemonConnection daemon);

    /** True for the commands that may start jsupd after a clean {@code jsup kill}: start and resurrect. */
    boolean bringsAppsBack() {
        return false;
    }

    Ansi ansi() {
        return Ansi.of(ctx.colour());
    }

    void printJson(JsonNode node) {
        try {
            ctx.out().println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    void say(String line) {
        ctx.out().println("[jsup] " + line);
    }

    void warn(String line) {
        ctx.err().println("[jsup] warning: " + line);
    }

    /** Prints {@code label: a, b} when the result's {@code field} lists any names. */
    void sayNames(JsonNode result, String field, String label) {
        List<String> names = names(result.path(field));
        if (!names.isEmpty()) {
            say(label + ": " + String.join(", ", names));
        }
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) {
            names.add(n.asText());
        }
        return names;
    }

    /** Prints the whole app table, as PM2 does after every action. */
    void printTable(DaemonConnection daemon) {
        List<JsonNode> apps = new ArrayList<>();
        daemon.call("list", null).path("apps").forEach(apps::add);
        printTable(apps);
    }

    void printTable(List<JsonNode> apps) {
        ctx.out().print(StatusTable.render(apps, ansi()));
    }

    /**
     * The report of an action that starts apps (start, restart, reload, resurrect): once the apps it
     * started have settled ({@link AppSettling}), the lines of what happened (each result's
     * {@code fields}: {field, label, …}) and the table, or the results as JSON with the settled apps;
     * then exit 1 naming every app that did not come up, with the last lines of its error log.
     */
    void reportStarts(DaemonConnection daemon, List<JsonNode> results, boolean asJson, String... fields) {
        List<JsonNode> started = new ArrayList<>();
        for (JsonNode result : results) {
            for (JsonNode w : result.path("warnings")) {
                warn(w.asText());
            }
            List<String> names = new ArrayList<>(names(result.path("started")));
            names.addAll(names(result.path("restarted")));
            for (JsonNode app : result.path("apps")) {
                if (names.contains(app.path("name").asText())) {
                    started.add(app);
                }
            }
        }
        AppSettling.Outcome settled = AppSettling.await(daemon, started);
        if (asJson) {
            for (JsonNode result : results) {
                if (result instanceof ObjectNode o && o.has("apps")) {
                    o.set("apps", latest(o.path("apps"), settled.apps()));
                }
            }
            printJson(results.size() == 1 ? results.get(0) : JSON.valueToTree(results));
        } else {
            List<String> failed = appNames(settled.failed()); // reported below, not as started
            for (JsonNode result : results) {
                for (int i = 0; i < fields.length; i += 2) {
                    List<String> names = new ArrayList<>(names(result.path(fields[i])));
                    names.removeAll(failed);
                    if (!names.isEmpty()) {
                        say(fields[i + 1] + ": " + String.join(", ", names));
                    }
                }
            }
            printTable(settled.apps());
            if (!settled.launching().isEmpty()) {
                say("still launching: " + String.join(", ", appNames(settled.launching()))
                        + " (see how they do with: jsup list)");
            }
        }
        StartFailures.failIfAny(settled.failed());
    }

    /** {@code apps} as they are now, per {@code now} (the last list); an app no longer listed is dropped. */
    private static ArrayNode latest(JsonNode apps, List<JsonNode> now) {
        ArrayNode fresh = JSON.createArrayNode();
        for (JsonNode app : apps) {
            String name = app.path("name").asText();
            now.stream().filter(n -> n.path("name").asText().equals(name)).findFirst().ifPresent(fresh::add);
        }
        return fresh;
    }

    static List<String> appNames(List<JsonNode> apps) {
        return apps.stream().map(a -> a.path("name").asText()).toList();
    }

    /**
     * {@code start|restart|reload FILE}: unless JSON is wanted, jsupd's plan for the file first, one
     * line per app (added / changed and which keys / unchanged / not in the file), then the action.
     * An invalid file fails at the plan, before anything changed.
     */
    JsonNode deployFile(DaemonConnection daemon, String command, ObjectNode args, boolean asJson) {
        if (!asJson) {
            ObjectNode planOnly = args.deepCopy().put("plan_only", true);
            JsonNode plan = daemon.call(command, planOnly);
            for (String line : DeploySummary.lines(plan.path("deploy"), args.path("file").asText())) {
                say(line);
            }
        }
        return daemon.call(command, args);
    }

    /** This shell's environment, for {@code --update-env} and for a {@code .js} file's evaluation. */
    ObjectNode callerEnv() {
        ObjectNode env = JSON.createObjectNode();
        new TreeMap<>(ctx.env()).forEach(env::put);
        return env;
    }

    /**
     * Adds {@code file} (absolute) when {@code arg} is an existing ecosystem file, else {@code target}.
     * An argument that looks like a file path but names nothing is a usage error, not an unknown app.
     */
    ObjectNode targetOrFile(String arg, List<String> only) {
        ObjectNode args = DaemonConnection.args();
        Path path = ctx.resolve(arg);
        if (looksLikeEcosystem(arg) || (arg.contains("/") && Files.isRegularFile(path))) {
            if (!Files.isRegularFile(path)) {
                throw new ExitException(ExitCode.USAGE, "jsup: no file " + path + "; check the path");
            }
            args.put("file", path.toString());
            args.set("caller_env", callerEnv());
            if (only != null && !only.isEmpty()) {
                ArrayNode o = args.putArray("only");
                only.forEach(o::add);
            }
            return args;
        }
        if (only != null && !only.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "jsup: --only applies to an ecosystem file, not to '" + arg
                    + "'; e.g. jsup restart ecosystem.json --only " + String.join(",", only));
        }
        return args.put("target", arg);
    }

    /**
     * Whether {@code arg} names an ecosystem file, by PM2's rule ({@code Common.isConfigFile}):
     * {@code .json}, {@code .yml}, {@code .yaml}, {@code .config.js}, {@code .config.cjs},
     * {@code .config.mjs}. Such a file is never run as an app.
     */
    static boolean looksLikeEcosystem(String arg) {
        return EcosystemFiles.looksLikeEcosystem(arg);
    }
}
