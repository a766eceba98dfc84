package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import jsup.supervisor.control.ControlException;

/**
 * {@code POST /api/action} {@code {"app": NAME, "action": "restart"|"reload"|"stop"|"start"}}: a
 * button of the dashboard, run by the same control command as {@code jsup restart NAME}. It answers
 * once the command has (a restart: once the new process runs).
 */
final class ActionRoute extends SignedInRoute {

    private final EngineCalls engine;

    ActionRoute(BrowserGuard guard, EngineCalls engine) {
        super(guard, false);
        this.engine = engine;
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            DashboardReplies.error(ex, 405, "use POST with {\"app\": NAME, \"action\": ACTION}");
            return;
        }
        JsonNode req;
        try {
            req = body == null ? null : DashboardReplies.JSON.readTree(body);
        } catch (IOException e) {
            req = null;
        }
        if (req == null || !req.path("app").isTextual() || !req.path("action").isTextual()) {
            DashboardReplies.error(ex, 400, "send {\"app\": NAME, \"action\": one of " + EngineCalls.ACTIONS + "}");
            return;
        }
        String app = req.get("app").asText();
        String action = req.get("action").asText();
        if (!EngineCalls.ACTIONS.contains(action)) {
            DashboardReplies.error(ex, 400, "unknown action \"" + action + "\"; use one of " + EngineCalls.ACTIONS);
            return;
        }
        try {
            if (!engine.exists(app)) {
                DashboardReplies.error(ex, 404, "no app named \"" + app + "\"");
                return;
            }
            engine.act(action, app);
            DashboardReplies.json(ex, 200, DashboardReplies.JSON.createObjectNode().put("app", app)
                    .put("action", action).put("done", true));
        } catch (ControlException e) {
            DashboardReplies.error(ex, 409, action + " " + app + " failed: " + e.getMessage());
        }
    }
}
