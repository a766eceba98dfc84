package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import jsup.supervisor.control.HumanUnits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jsup ping}: makes sure jsupd runs (starting it, like PM2, unless it was killed) and shows who answered. */
@Command(name = "ping", description = "Make sure jsupd runs for $JSUP_HOME and show it. Starts it on first use or "
        + "after a crash; after 'jsup kill' it says that none runs (exit 4) instead.")
final class PingCommand extends DaemonCommand {

    @Option(names = "--json", description = "Print jsupd's answer as JSON.")
    boolean json;

    PingCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode pong = daemon.call("ping", null);
        if (json) {
            printJson(pong);
            return;
        }
        ctx.out().println("pong: jsupd pid " + pong.path("pid").asLong() + ", version " + pong.path("version").asText()
                + ", up " + HumanUnits.uptime(pong.path("uptime_ms").asLong()) + ", " + pong.path("apps").asInt()
                + " app(s), home " + pong.path("home").asText());
    }
}
