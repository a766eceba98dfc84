package jsup.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import picocli.CommandLine.Option;

/**
 * PM2's flags for starting one program from the command line, each mapped onto its ecosystem key, so
 * jsupd validates the app exactly as it would a file's and its errors name the key
 * (docs/cli.md, "One-off starts").
 */
final class OneOffOptions {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "name (default: the program's base name)")
    String name;

    @Option(names = "--interpreter", paramLabel = "PROG", description = "interpreter, e.g. python3 or none")
    String interpreter;

    @Option(names = "--max-memory-restart", paramLabel = "SIZE", description = "restart above this RSS, e.g. 200M")
    String maxMemoryRestart;

    @Option(names = "--restart-delay", paramLabel = "DURATION", description = "wait before an automatic restart (ms or 5s)")
    String restartDelay;

    @Option(names = "--no-autorestart", description = "do not restart when it exits")
    boolean noAutorestart;

    @Option(names = "--cwd", paramLabel = "DIR", description = "working directory (default: yours)")
    String cwd;

    @Option(names = "--time", description = "prefix each log line with the time")
    boolean time;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "stdout log file")
    String output;

    @Option(names = {"-e", "--error"}, paramLabel = "FILE", description = "stderr log file")
    String error;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "also a combined log (default path without FILE)")
    String log;

    @Option(names = "--kill-timeout", paramLabel = "DURATION", description = "wait after the stop signal before SIGKILL")
    String killTimeout;

    @Option(names = "--max-restarts", paramLabel = "N", description = "unstable restarts before errored")
    Integer maxRestarts;

    @Option(names = "--min-uptime", paramLabel = "DURATION", description = "a shorter run is unstable")
    String minUptime;

    @Option(names = "--namespace", paramLabel = "NS", description = "group label")
    String namespace;

    @Option(names = "--watch", paramLabel = "PATHS", arity = "0..1", fallbackValue = "", split = ",",
            description = "restart when files change under PATHS (comma-separated; default: the cwd)")
    List<String> watch;

    @Option(names = "--ignore-watch", paramLabel = "GLOBS", split = ",",
            description = "with --watch: globs not watched (default: .* and node_modules)")
    List<String> ignoreWatch;

    @Option(names = "--watch-delay", paramLabel = "DURATION", description = "with --watch: quiet time before the restart")
    String watchDelay;

    @Option(names = {"--cron", "--cron-restart"}, paramLabel = "EXPR",
            description = "restart on this cron schedule, e.g. \"0 3 * * *\" (6 fields: seconds first)")
    String cron;

    @Option(names = {"-i", "--instances"}, paramLabel = "N",
            description = "run N instances (or max: one per core), each with JSUP_INSTANCE / NODE_APP_INSTANCE")
    String instances;

    /** The flags given, as typed (for the error when they come with a file or a known app). */
    List<String> given() {
        List<String> flags = new ArrayList<>();
        addIf(flags, name != null, "--name");
        addIf(flags, interpreter != null, "--interpreter");
        addIf(flags, maxMemoryRestart != null, "--max-memory-restart");
        addIf(flags, restartDelay != null, "--restart-delay");
        addIf(flags, noAutorestart, "--no-autorestart");
        addIf(flags, cwd != null, "--cwd");
        addIf(flags, time, "--time");
        addIf(flags, output != null, "--output");
        addIf(flags, error != null, "--error");
        addIf(flags, log != null, "--log");
        addIf(flags, killTimeout != null, "--kill-timeout");
        addIf(flags, maxRestarts != null, "--max-restarts");
        addIf(flags, minUptime != null, "--min-uptime");
        addIf(flags, namespace != null, "--namespace");
        addIf(flags, watch != null, "--watch");
        addIf(flags, ignoreWatch != null, "--ignore-watch");
        addIf(flags, watchDelay != null, "--watch-delay");
        addIf(flags, cron != null, "--cron");
        addIf(flags, instances != null, "--instances");
        return flags;
    }

    /** The app object: {@code script} and {@code args} as given, paths resolved against the caller's folder. */
    ObjectNode app(String script, List<String> args, CliContext ctx) {
        ObjectNode app = JsonNodeFactory.instance.objectNode();
        app.put("script", script);
        args.forEach(app.putArray("args")::add);
        putIf(app, "name", name);
        putIf(app, "interpreter", interpreter);
        putIf(app, "max_memory_restart", maxMemoryRestart);
        putIf(app, "restart_delay", restartDelay);
        if (noAutorestart) {
            app.put("autorestart", false);
        }
        app.put("cwd", cwd == null ? ctx.cwd().toString() : ctx.resolve(cwd).toString());
        if (time) {
            app.put("time", true);
        }
        putIf(app, "out_file", output == null ? null : ctx.resolve(output).toString());
        putIf(app, "error_file", error == null ? null : ctx.resolve(error).toString());
        if (log != null) {
            if (log.isEmpty()) {
                app.put("log_file", true);
            } else {
                app.put("log_file", ctx.resolve(log).toString());
            }
        }
        putIf(app, "kill_timeout", killTimeout);
        if (maxRestarts != null) {
            app.put("max_restarts", maxRestarts);
        }
        putIf(app, "min_uptime", minUptime);
        putIf(app, "namespace", namespace);
        putWatch(app);
        putIf(app, "cron_restart", cron);
        putIf(app, "instances", instances);
        return app;
    }

    /** {@code --watch} alone is PM2's {@code watch: true}; paths are kept as typed, relative to the app's cwd. */
    private void putWatch(ObjectNode app) {
        if (watch != null) {
            List<String> paths = watch.stream().filter(p -> !p.isBlank()).toList();
            if (paths.isEmpty()) {
                app.put("watch", true);
            } else {
                paths.forEach(app.putArray("watch")::add);
            }
        }
        if (ignoreWatch != null) {
            ignoreWatch.forEach(app.putArray("ignore_watch")::add);
        }
        putIf(app, "watch_delay", watchDelay);
    }

    private static void addIf(List<String> flags, boolean given, String flag) {
        if (given) {
            flags.add(flag);
        }
    }

    private static void putIf(ObjectNode app, String key, String value) {
        if (value != null) {
            app.put(key, value);
        }
    }
}
