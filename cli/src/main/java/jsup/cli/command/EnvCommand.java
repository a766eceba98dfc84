package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.SecretMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup env <target>}: the environment an app runs with, secrets masked. */
@Command(name = "env",
        description = {"Print the environment an app runs with, one NAME=value per line: read from /proc/<pid>/environ "
            + "of its running main process; for an app that does not run, what its next start would pass "
            + "(jsupd's environment, then the app's env, then JSUP_HOME and JSUP_APP).",
            "Values of keys containing TOKEN, KEY, SECRET, PASS, WEBHOOK or CREDENTIAL, or the word DSN, AUTH or "
                + "COOKIE (SENTRY_DSN), and the password of a URL value show as " + SecretMask.MASK
                + " unless --show-secrets."})
final class EnvCommand extends DaemonCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "App name or id (or a namespace, or 'all').")
    String target;

    @Option(names = "--json", description = "Print [{\"name\", \"source\": \"process\"|\"next start\", \"pid\", "
            + "\"env\": {…}}] for scripts.")
    boolean json;

    @Mixin
    ShowSecretsOption secrets;

    EnvCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        JsonNode apps = secrets.apply(daemon.call("env", DaemonConnection.args().put("target", target)).path("apps"));
        if (json) {
            printJson(apps);
            return;
        }
        for (JsonNode app : apps) {
            String name = app.path("name").asText();
            long pid = app.path("pid").asLong();
            // A comment line, so the output still works as an env file.
            ctx.out().println("process".equals(app.path("source").asText())
                    ? "# " + name + ": the environment of its running process (pid " + pid + ", /proc/" + pid
                        + "/environ)"
                    : "# " + name + ": not running; the environment its next start would use");
            for (Map.Entry<String, JsonNode> var : app.path("env").properties()) {
                ctx.out().println(var.getKey() + "=" + var.getValue().asText());
            }
        }
    }
}
