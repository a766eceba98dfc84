package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.logs.LogFilesOnDisk;
import jsup.cli.logs.LogFollower;
import jsup.cli.logs.LogLine;
import jsup.cli.logs.LogPrinter;
import jsup.cli.logs.LogSource;
import jsup.cli.logs.LogTail;
import jsup.cli.render.TimeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jsup logs [name|all]}: the last lines, then new lines as they come, across rotations. After a
 * clean {@code jsup kill} it reads the files in {@code $JSUP_HOME/logs} without starting jsupd.
 */
@Command(name = "logs",
        description = {"Show the last lines of apps' logs, then follow new lines (across rotations) until Ctrl-C. "
            + "Without a name, every app, lines prefixed with the app's name.",
        "After 'jsup kill' no jsupd is started: the files in $JSUP_HOME/logs (<name>-out.log, <name>-error.log) "
            + "are shown by app name."})
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

    /** A running jsupd; none after a clean {@code jsup kill} (the files are read as they are); else start one. */
    @Override
    DaemonConnection connect() {
        checkOptions();
        Optional<DaemonConnection> running = DaemonConnection.ifRunning(ctx);
        if (running.isPresent()) {
            return running.get();
        }
        return DaemonConnection.stoppedCleanly(ctx.jsupHome()) ? null : DaemonConnection.open(ctx);
    }

    private void checkOptions() {
        if (lines < 0) {
            throw new ExitException(ExitCode.USAGE, "jsup: --lines " + lines + " is negative; use 0 or more");
        }
        if (errOnly && outOnly) {
            throw new ExitException(ExitCode.USAGE, "jsup: --err and --out exclude each other; give at most one");
        }
    }

    /** @param daemon jsupd, or null when it was stopped cleanly */
    @Override
    void run(DaemonConnection daemon) {
        List<LogSource> sources = daemon == null ? filesOnDisk() : filesOfApps(daemon);
        int width = 1;
        for (LogSource s : sources) {
            width = Math.max(width, s.app().length());
        }
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

    /** The files jsupd names for the target's apps (their out_file/error_file). */
    private List<LogSource> filesOfApps(DaemonConnection daemon) {
        ObjectNode args = DaemonConnection.args();
        if (target != null && !target.equals("all")) {
            args.put("target", target);
        }
        JsonNode info = daemon.call("logs-info", args);
        List<LogSource> sources = new ArrayList<>();
        for (JsonNode app : info.path("apps")) {
            String name = app.path("name").asText();
            if (!errOnly) {
                addSource(sources, name, "out", app.path("out_file"));
            }
            if (!outOnly) {
                addSource(sources, name, "err", app.path("error_file"));
            }
        }
        daemon.close();
        return sources;
    }

    /** Without jsupd: the files with the default names in $JSUP_HOME/logs, by app name. */
    private List<LogSource> filesOnDisk() {
        Path dir = ctx.jsupHome().resolve("logs");
        String app = target == null || target.equals("all") ? null : target;
        List<LogSource> sources;
        try {
            sources = LogFilesOnDisk.find(dir, app, !errOnly, !outOnly);
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: cannot list the log files in " + dir + ": " + e.getMessage());
        }
        if (sources.isEmpty() && app != null) {
            throw new ExitException(ExitCode.UNKNOWN_APP, "jsup: no log file of an app named '" + app + "' in " + dir
                    + " (jsupd is not running, so apps are known by their log files' names only, not by id or"
                    + " namespace).\nSee the files with: ls " + dir + "; or bring the apps back: jsup resurrect");
        }
        warn("jsupd is not running (stopped by jsup kill): showing the log files in " + dir);
        return sources;
    }

    private static void addSource(List<LogSource> sources, String app, String stream, JsonNode file) {
        // Instances with merge_logs share their files: each file is read once.
        if (file.isTextual() && !file.asText().isEmpty()
                && sources.stream().noneMatch(s -> s.file().equals(Path.of(file.asText())))) {
            sources.add(new LogSource(app, stream, Path.of(file.asText())));
        }
    }
}
