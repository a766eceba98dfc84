package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.logs.LogFollower;
import jsup.cli.logs.LogLine;
import jsup.cli.logs.LogPrinter;
import jsup.cli.logs.LogSource;
import jsup.cli.logs.LogTail;
import jsup.cli.render.TimeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup logs [name|all]}: the last lines, then new lines as they come, across rotations. */
@Command(name = "logs",
        description = "Show the last lines of apps' logs, then follow new lines (across rotations) until Ctrl-C. "
            + "Without a name, every app, lines prefixed with the app's name.")
final class LogsCommand extends DaemonCommand {

    /** How often followed files are checked for new lines. */
    private static final long POLL_MS = 100;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "App name, id, namespace or 'all' (default: all).")
    String target;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "15", description = "Lines of each file to show first (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--err", description = "Only stderr.")
    boolean errOnly;

    @Option(names = "--out", description = "Only stdout.")
    boolean outOnly;

    @Option(names = "--nostream", description = "Print the last lines and exit; do not follow.")
    boolean noStream;

    @Option(names = "--timestamp", description = "Prefix each line with the time it is shown: local time with "
            + "milliseconds (2026-12-07T15:04:05.123), or UTC with --utc.")
    boolean timestamp;

    @Option(names = "--utc", description = "Timestamps in UTC, ISO-8601 (2026-12-07T15:04:05.123Z).")
    boolean utc;

    @Option(names = "--json", description = "One JSON object per line: app, stream, message (and timestamp).")
    boolean json;

    LogsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        if (lines < 0) {
            throw new ExitException(ExitCode.USAGE, "jsup: --lines " + lines + " is negative; use 0 or more");
        }
        if (errOnly && outOnly) {
            throw new ExitException(ExitCode.USAGE, "jsup: --err and --out exclude each other; give at most one");
        }
        ObjectNode args = DaemonConnection.args();
        if (target != null && !target.equals("all")) {
            args.put("target", target);
        }
        JsonNode info = daemon.call("logs-info", args);
        List<LogSource> sources = new ArrayList<>();
        int width = 1;
        for (JsonNode app : info.path("apps")) {
            String name = app.path("name").asText();
            width = Math.max(width, name.length());
            if (!errOnly) {
                addSource(sources, name, "out", app.path("out_file"));
            }
            if (!outOnly) {
                addSource(sources, name, "err", app.path("error_file"));
            }
        }
        daemon.close();
        LogPrinter printer = new LogPrinter(ctx.out(), ansi(), json,
                timestamp ? TimeFormat.of(ctx.env(), utc) : null, Clock.systemUTC(), width);
        // The follower fixes each file's end first; the tail is read up to there, so nothing is lost between.
        try (LogFollower follower = new LogFollower(sources, false)) {
            for (LogSource s : sources) {
                try {
                    for (String line : LogTail.lastLines(s.file(), lines, follower.startOffset(s))) {
                        printer.print(new LogLine(s, line));
                    }
                } catch (IOException e) {
                    warn("cannot read " + s.file() + ": " + e.getMessage());
                }
            }
            printer.flush();
            if (noStream) {
                return;
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (LogLine line : follower.poll()) {
                    printer.print(line);
                }
                printer.flush();
                if (ctx.out().checkError()) {
                    return;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void addSource(List<LogSource> sources, String app, String stream, JsonNode file) {
        // Instances with merge_logs share their files: each file is read once.
        if (file.isTextual() && !file.asText().isEmpty()
                && sources.stream().noneMatch(s -> s.file().equals(Path.of(file.asText())))) {
            sources.add(new LogSource(app, stream, Path.of(file.asText())));
        }
    }
}
