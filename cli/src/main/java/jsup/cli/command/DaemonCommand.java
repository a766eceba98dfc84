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
import java.util.Locale;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.Ansi;
import jsup.cli.render.StatusTable;

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
        try (DaemonConnection daemon = bringsAppsBack()
                ? DaemonConnection.openOrStart(ctx) : DaemonConnection.open(ctx)) {
            run(daemon);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
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
        ctx.out().print(StatusTable.render(apps, ansi()));
    }

    /** Fails with exit code 1 naming every app of {@code apps} that ended {@code errored}. */
    static void failOnErrored(JsonNode apps) {
        List<String> errored = new ArrayList<>();
        for (JsonNode app : apps) {
            if ("errored".equals(app.path("status").asText())) {
                String reason = app.path("status_reason").asText("");
                errored.add("'" + app.path("name").asText() + "'" + (reason.isEmpty() ? "" : ": " + reason));
            }
        }
        if (!errored.isEmpty()) {
            throw new ExitException(ExitCode.FAILURE, "jsup: errored " + String.join("; ", errored)
                    + "\nSee why with: jsup describe <name>   and   jsup logs <name> --nostream");
        }
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

    static boolean looksLikeEcosystem(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
}
