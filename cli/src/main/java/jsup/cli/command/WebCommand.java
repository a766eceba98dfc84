package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jsup web enable|disable|status}: jsupd's HTTP listener ({@code /metrics}, {@code /healthz}, the
 * dashboard), switched in the running jsupd and remembered in {@code $JSUP_HOME/jsupd.json};
 * {@code jsup web open}: a one-time login link of the dashboard.
 */
@Command(name = "web",
        description = "Switch jsupd's HTTP listener (/metrics for Prometheus, /healthz, the web dashboard) on or off, "
            + "show where it listens, or print a one-time login link of the dashboard (open: valid once, for 60 s; "
            + "docs/dashboard.md). It takes effect in the running jsupd and is kept in $JSUP_HOME/jsupd.json across "
            + "restarts. Every request needs the token of $JSUP_HOME/web.token (Authorization: Bearer TOKEN) "
            + "unless jsupd.json makes /metrics or /healthz public. Addresses other than loopback need TLS "
            + "(docs/metrics.md).")
final class WebCommand extends DaemonCommand {

    enum Action { enable, disable, status, open }

    @Parameters(index = "0", paramLabel = "ACTION", description = "enable, disable, status or open.")
    Action action;

    @Option(names = "--port", paramLabel = "PORT", description = "With enable: the TCP port (default 9615, or the "
            + "one in jsupd.json).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "With enable: the address to listen on (default "
            + "127.0.0.1, or the one in jsupd.json); any other than loopback needs web.tls in jsupd.json.")
    String bind;

    @Option(names = "--json", description = "Print jsupd's answer as JSON: {\"listening\",\"url\",\"bind\",\"port\","
            + "\"tls\",\"public\",\"token_file\",\"settings_file\",\"error\"}; with open: {\"url\",\"expires_in_s\"}.")
    boolean json;

    WebCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        if (action != Action.enable && (port != null || bind != null)) {
            throw new ExitException(ExitCode.USAGE, "jsup: --port and --bind go with 'jsup web enable', not with '"
                    + action + "'");
        }
        ObjectNode args = DaemonConnection.args().put("action", action.name());
        if (port != null) {
            args.put("port", port);
        }
        if (bind != null) {
            args.put("bind", bind);
        }
        JsonNode status = daemon.call("web", args);
        if (json) {
            printJson(status);
            return;
        }
        if (action == Action.open) {
            ctx.out().println(status.path("url").asText());
            ctx.out().println("(sign-in link for one browser: valid once, for " + status.path("expires_in_s").asText()
                    + " s)");
            return;
        }
        print(status);
    }

    private void print(JsonNode s) {
        if (s.path("listening").asBoolean()) {
            String pub = s.path("public").isEmpty() ? "none" : String.join(", ", names(s.path("public")));
            ctx.out().println("web: listening on " + s.path("url").asText() + " (public routes: " + pub + ")");
            ctx.out().println("token: " + s.path("token_file").asText() + "  e.g. curl -H \"Authorization: Bearer "
                    + "$(cat " + s.path("token_file").asText() + ")\" " + s.path("url").asText() + "/metrics");
        } else {
            ctx.out().println("web: off");
        }
        if (!s.path("error").isNull() && !s.path("error").asText().isEmpty()) {
            ctx.out().println("error: " + s.path("error").asText());
        }
        ctx.out().println("settings: " + s.path("settings_file").asText());
    }
}
