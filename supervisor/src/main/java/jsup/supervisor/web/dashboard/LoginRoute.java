package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import jsup.supervisor.web.SessionRoute;
import jsup.supervisor.web.WebToken;

/**
 * {@code /login}: the login page; {@code GET /login?code=C} redeems a one-time code of
 * {@code jsup web open}; {@code POST /login} takes the token typed into the form (a POST body, so it
 * is in no address and no access log). Either way the browser gets a session cookie and goes to the
 * app table. A wrong or used code, or a wrong token, leads back to the page with a message.
 */
final class LoginRoute implements SessionRoute {

    private final LoginSessions sessions;
    private final WebToken token;
    private final Clock clock;
    private final Assets.Asset page = Assets.load("login.html");

    LoginRoute(LoginSessions sessions, WebToken token, Clock clock) {
        this.sessions = sessions;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if ("POST".equals(method)) {
            withToken(ex);
        } else if ("GET".equals(method) || "HEAD".equals(method)) {
            String code = DashboardReplies.query(ex).get("code");
            if (code == null) {
                DashboardReplies.send(ex, 200, page.type(), page.bytes());
                return;
            }
            signIn(ex, sessions.redeem(code, clock.instant()), "/login?failed=code");
        } else {
            ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
            DashboardReplies.error(ex, 405, method + " is not allowed here");
        }
    }

    private void withToken(HttpExchange ex) throws IOException {
        byte[] body = DashboardReplies.body(ex); // read before any answer: see DashboardReplies.body
        if (body == null) {
            DashboardReplies.error(ex, 413, "the login form is larger than " + DashboardReplies.MAX_BODY_BYTES + " bytes");
            return;
        }
        if (!BrowserGuard.sameOrigin(ex, true)) {
            DashboardReplies.error(ex, 403, "this login comes from another site (Origin \""
                    + ex.getRequestHeaders().getFirst("Origin") + "\"); open /login at the listener's own address");
            return;
        }
        String given = DashboardReplies.form(new String(body, StandardCharsets.UTF_8)).getOrDefault("token", "").trim();
        boolean ok = !given.isEmpty() && token.accepts("Bearer " + given);
        signIn(ex, ok ? Optional.of(sessions.open(clock.instant())) : Optional.empty(), "/login?failed=token");
    }

    private static void signIn(HttpExchange ex, Optional<LoginSessions.Session> session, String failed)
            throws IOException {
        if (session.isEmpty()) {
            DashboardReplies.redirect(ex, failed);
            return;
        }
        ex.getResponseHeaders().add("Set-Cookie", BrowserGuard.sessionCookie(ex, session.get().id(), false));
        DashboardReplies.redirect(ex, "/");
    }
}
