package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.supervisor.config.ShellWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup start <file|program|name|id|all>}: PM2's start, in its three forms. */
@Command(name = "start",
        description = {"Start apps, in one of three forms:",
            "  jsup start ecosystem.json [--only a,b] [--env production]   deploy a file (.json .yml .yaml .config.js)",
            "  jsup start app.sh|prog|\"cmd args\" [--name web] [flags] [-- args]   one program",
            "  jsup start <name|id|namespace|all>                          apps jsupd already knows",
            "A file is re-read: new apps start, changed ones restart with their new definition (same id),",
            "unchanged running ones are left alone. A known app also starts what it needs (depends_on).",
            "Waits until the apps are up and ready (wait_ready, health.ready: up to listen_timeout) or failed,",
            "then shows the table; exit 1 with the end of its error log when an app does not come up."})
final class StartCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "FILE|PROGRAM|TARGET",
            description = "An ecosystem file (.json, .json5, .yaml, .yml, .config.js/.cjs/.mjs), a script or program (a path, a name on PATH, or a quoted command "
                    + "line), or an app name, id, namespace or 'all'.")
    String what;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the program (put them after --).")
    List<String> scriptArgs = new ArrayList<>();

    @Mixin
    OneOffOptions oneOff = new OneOffOptions();

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
        if (looksLikeEcosystem(what)) {
            startFile(daemon);
            return;
        }
        Path path = ctx.resolve(what);
        if (Files.isRegularFile(path)) {
            startProgram(daemon, path.toString(), scriptArgs);
        } else if (what.chars().anyMatch(Character::isWhitespace)) { // a command line: "prog args"
            List<String> words = splitCommandLine(what);
            List<String> args = new ArrayList<>(words.subList(1, words.size()));
            args.addAll(scriptArgs);
            startProgram(daemon, program(words.get(0)), args);
        } else if (what.contains("/")) {
            throw noSuchFile(path);
        } else if (!oneOff.given().isEmpty() || !scriptArgs.isEmpty()) {
            startProgram(daemon, program(what), scriptArgs);
        } else {
            startTarget(daemon, path);
        }
    }

    private void startFile(DaemonConnection daemon) {
        Path path = ctx.resolve(what);
        if (!Files.isRegularFile(path)) {
            throw noSuchFile(path);
        }
        List<String> flags = oneOff.given();
        rejectIf(!flags.isEmpty(), String.join(", ", flags) + " apply to one program started from the command "
                + "line; an ecosystem file sets these keys per app");
        rejectIf(!scriptArgs.isEmpty(), "arguments after the file (" + String.join(" ", scriptArgs)
                + ") apply only to a program; set 'args' in the file instead");
        ObjectNode args = DaemonConnection.args().put("file", path.toString());
        args.set("caller_env", callerEnv());
        if (only != null && !only.isEmpty()) {
            ArrayNode o = args.putArray("only");
            only.forEach(o::add);
        }
        if (env != null) {
            args.put("env", env);
        }
        JsonNode result = deployFile(daemon, "start", args, json);
        reportStarts(daemon, List.of(result), json, "started", "started", "restarted",
                "restarted with the new definition", "already_running", "already running (nothing changed)",
                "registered", "registered, not started");
    }

    private void startProgram(DaemonConnection daemon, String script, List<String> args) {
        rejectIf(only != null, "--only applies to an ecosystem file, not to the program " + what);
        rejectIf(env != null, "--env applies to an ecosystem file, not to the program " + what);
        ObjectNode request = DaemonConnection.args();
        request.set("app", oneOff.app(script, args, ctx));
        request.put("cwd", ctx.cwd().toString());
        report(daemon, daemon.call("start", request), json);
    }

    /** A known app; else, for a bare word, a program of that name on PATH (PM2 does the same). */
    private void startTarget(DaemonConnection daemon, Path path) {
        rejectIf(only != null || env != null, "--only/--env apply to an ecosystem file; '" + what + "' is none");
        JsonNode result;
        try {
            result = daemon.call("start", DaemonConnection.args().put("target", what));
        } catch (ExitException e) {
            if (e.exitCode() != ExitCode.UNKNOWN_APP) {
                throw e;
            }
            Optional<Path> onPath = onPath(what);
            if (onPath.isPresent()) {
                startProgram(daemon, onPath.get().toString(), scriptArgs);
                return;
            }
            if (what.matches(".*\\.[A-Za-z0-9]+")) {
                throw noSuchFile(path);
            }
            throw new ExitException(ExitCode.UNKNOWN_APP, e.getMessage() + "\n'" + what + "' is not a file or a "
                    + "program on PATH either.");
        }
        report(daemon, result, json);
    }

    private static List<String> splitCommandLine(String line) {
        try {
            List<String> words = ShellWords.split(line);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("has no words");
            }
            return words;
        } catch (IllegalArgumentException e) {
            throw new ExitException(ExitCode.USAGE, "jsup: the command line \"" + line + "\" " + e.getMessage()
                    + "; quote it as you would in a shell");
        }
    }

    /** A word as the script: a path made absolute, a name found on the caller's PATH, or as given. */
    private String program(String word) {
        if (word.contains("/")) {
            Path path = ctx.resolve(word);
            if (!Files.isRegularFile(path)) {
                throw noSuchFile(path);
            }
            return path.toString();
        }
        return onPath(word).map(Path::toString).orElse(word);
    }

    /** {@code name} on the caller's PATH (the shell's, not jsupd's), as {@code which} finds it. */
    private Optional<Path> onPath(String name) {
        String path = ctx.env().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = ctx.resolve(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ExitException noSuchFile(Path path) {
        return new ExitException(ExitCode.USAGE, "jsup: no such file: " + path + "; check the path");
    }

    private static void rejectIf(boolean bad, String message) {
        if (bad) {
            throw new ExitException(ExitCode.USAGE, "jsup: " + message);
        }
    }

    /** Shared by start and resurrect: what happened, warnings, the table once settled, failures. */
    void report(DaemonConnection daemon, JsonNode result, boolean asJson) {
        reportStarts(daemon, List.of(result), asJson, "started", "started", "already_running",
                "already running (nothing changed)", "registered", "registered, not started");
    }
}
