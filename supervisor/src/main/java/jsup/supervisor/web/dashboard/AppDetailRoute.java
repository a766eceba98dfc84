package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import jsup.supervisor.control.ControlException;

/** {@code GET /api/app?name=NAME}: what the app's page shows besides its log (see {@link BrowserView#detail}). */
final class AppDetailRoute extends SignedInRoute {

    private final EngineCalls engine;
    private final UsageHistory history;

    AppDetailRoute(BrowserGuard guard, EngineCalls engine, UsageHistory history) {
        super(guard, false);
        this.engine = engine;
        this.history = history;
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        String name = DashboardReplies.query(ex).get("name");
        try {
            Optional<JsonNode> app = engine.describe(name);
            if (app.isEmpty()) {
                DashboardReplies.error(ex, 404, "no app named \"" + name + "\"");
                return;
            }
            DashboardReplies.json(ex, 200, BrowserView.detail(app.get(), history.of(name)));
        } catch (ControlException e) {
            DashboardReplies.error(ex, 500, e.getMessage());
        }
    }
}
