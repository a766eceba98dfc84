package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * {@code GET /api/session}: the session's CSRF token, which the page's script sends back on each POST
 * ({@code POST /api/session} signs out). The cookie itself stays HttpOnly.
 */
final class SessionInfoRoute extends SignedInRoute {

    private final LoginSessions sessions;

    SessionInfoRoute(BrowserGuard guard, LoginSessions sessions) {
        super(guard, false);
        this.sessions = sessions;
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        if ("POST".equals(ex.getRequestMethod())) {
            sessions.close(session.id());
            ex.getResponseHeaders().add("Set-Cookie", BrowserGuard.sessionCookie(ex, "", true));
            DashboardReplies.json(ex, 200, DashboardReplies.JSON.createObjectNode().put("signed_out", true));
            return;
        }
        DashboardReplies.json(ex, 200, DashboardReplies.JSON.createObjectNode().put("csrf", session.csrf()));
    }
}
