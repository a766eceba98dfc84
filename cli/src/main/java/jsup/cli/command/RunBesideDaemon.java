package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.supervisor.config.AppSpec;

/**
 * Refuses a {@code jsup run} whose apps would write a log file that a jsupd on the same
 * {@code $JSUP_HOME} writes too (the same app name means the same {@code logs/<name>-out.log}): two
 * supervisors appending to one file interleave their lines. Asks a jsupd that runs; never starts one.
 */
final class RunBesideDaemon {

    private RunBesideDaemon() {
    }

    /** Throws exit 1 naming the app, the file and jsupd when one of {@code apps} shares a log file with jsupd's. */
    static void refuseSharedLogs(CliContext ctx, List<AppSpec> apps, Path file) {
        Optional<DaemonConnection> running = DaemonConnection.ifRunning(ctx);
        if (running.isEmpty()) {
            return;
        }
        JsonNode daemonApps;
        long daemonPid;
        try (DaemonConnection daemon = running.get()) {
            daemonPid = daemon.call("ping", null).path("pid").asLong();
            daemonApps = daemon.call("list", null).path("apps");
        }
        for (AppSpec app : apps) {
            for (JsonNode other : daemonApps) {
                boolean writing = "up".equals(other.path("want").asText()) || other.path("pid").asLong() > 0;
                Optional<String> shared = sharedFile(app, other);
                if (writing && shared.isPresent()) {
                    throw new ExitException(ExitCode.FAILURE, "jsup: app '" + app.name() + "' would write "
                            + shared.get() + ", which jsupd (pid " + daemonPid + ") for " + ctx.jsupHome()
                            + " writes for its app '" + other.path("name").asText() + "'; the two would interleave"
                            + " their lines.\nStop it there first (jsup stop " + other.path("name").asText()
                            + "), or run with a home of its own: JSUP_HOME=<another folder> jsup run " + file);
                }
            }
        }
    }

    private static Optional<String> sharedFile(AppSpec app, JsonNode daemonApp) {
        List<String> theirs = new ArrayList<>();
        for (String field : new String[] {"out_file", "error_file", "log_file"}) {
            JsonNode f = daemonApp.path(field);
            if (f.isTextual()) {
                theirs.add(f.asText());
            }
        }
        for (Path mine : new Path[] {app.outFile(), app.errorFile(), app.logFile()}) {
            if (mine != null && theirs.contains(mine.toString())) {
                return Optional.of(mine.toString());
            }
        }
        return Optional.empty();
    }
}
