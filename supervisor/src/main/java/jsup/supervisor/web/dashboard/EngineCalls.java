package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import jsup.supervisor.control.CommandHandler;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ControlRequest;

/**
 * The dashboard's way into jsupd: the control commands the CLI sends ({@code list}, {@code describe},
 * {@code logs-info}, {@code restart} …), answered in process by the same handler, so a button does
 * exactly what {@code jsup restart NAME} does. An app is always named exactly (never a namespace or
 * {@code all}), so no request touches more than the app on the page.
 */
final class EngineCalls {

    /** What the buttons may do. */
    static final Set<String> ACTIONS = Set.of("restart", "reload", "stop", "start");

    private final CommandHandler commands;

    EngineCalls(CommandHandler commands) {
        this.commands = commands;
    }

    /** Every app, as {@code jsup list --json} has it; with each app's figures when {@code metrics}. */
    JsonNode list(boolean metrics) throws ControlException {
        return call("list", args().put("metrics", metrics)).path("apps");
    }

    /** The app named exactly {@code name}, as {@code jsup describe --json} has it. */
    Optional<JsonNode> describe(String name) throws ControlException {
        return oneApp("describe", name);
    }

    /** The app's log files ({@code out_file}, {@code error_file}), as {@code jsup logs} finds them. */
    Optional<JsonNode> logFiles(String name) throws ControlException {
        return oneApp("logs-info", name);
    }

    /** The entry of {@code cmd}'s {@code apps} for exactly {@code name} (a target may match more apps). */
    private Optional<JsonNode> oneApp(String cmd, String name) throws ControlException {
        if (!exists(name)) {
            return Optional.empty();
        }
        for (JsonNode app : call(cmd, args().put("target", name)).path("apps")) {
            if (app.path("name").asText().equals(name)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    /** {@code action} (one of {@link #ACTIONS}) on the app named exactly {@code name}. */
    JsonNode act(String action, String name) throws ControlException {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action \"" + action + "\"; use " + String.join(", ", ACTIONS));
        }
        return call(action, args().put("target", name));
    }

    boolean exists(String name) throws ControlException {
        if (name == null) {
            return false;
        }
        for (JsonNode app : list(false)) {
            if (app.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode call(String cmd, ObjectNode args) throws ControlException {
        return commands.handle(ControlRequest.of(null, cmd, args));
    }

    private static ObjectNode args() {
        return DashboardReplies.JSON.createObjectNode();
    }
}
