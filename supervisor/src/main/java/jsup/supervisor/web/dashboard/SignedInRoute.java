package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import jsup.supervisor.web.SessionRoute;

/**
 * A dashboard route for a signed-in browser only. Refused, before the route runs: a foreign
 * {@code Origin} (403), no live session (401, or a redirect to the login page for a page load), and
 * a POST without its {@code Origin} or the session's CSRF token (403). Only GET, HEAD and POST.
 */
abstract class SignedInRoute implements SessionRoute {

    private final BrowserGuard guard;
    private final boolean page;

    /** @param page a page load: without a session it goes to the login page instead of a 401 */
    SignedInRoute(BrowserGuard guard, boolean page) {
        this.guard = guard;
        this.page = page;
    }

    @Override
    public final void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
            DashboardReplies.error(ex, 405, method + " is not allowed here");
            return;
        }
        byte[] body = post ? DashboardReplies.body(ex) : null; // read before any answer: see DashboardReplies.body
        if (post && body == null) {
            DashboardReplies.error(ex, 413, "the request body is larger than " + DashboardReplies.MAX_BODY_BYTES
                    + " bytes");
            return;
        }
        if (!BrowserGuard.sameOrigin(ex, post)) {
            DashboardReplies.error(ex, 403, "this request comes from another site (Origin \""
                    + ex.getRequestHeaders().getFirst("Origin") + "\"); open the dashboard at its own address");
            return;
        }
        Optional<LoginSessions.Session> session = guard.session(ex);
        if (session.isEmpty()) {
            if (page) {
                DashboardReplies.redirect(ex, "/login");
            } else {
                DashboardReplies.error(ex, 401, "not signed in (or the session ended); sign in at /login with the "
                        + "token of $JSUP_HOME/web.token or a link from 'jsup web open'");
            }
            return;
        }
        if (post && !BrowserGuard.csrfOk(ex, session.get())) {
            DashboardReplies.error(ex, 403, "missing or wrong " + BrowserGuard.CSRF_HEADER
                    + " header; reload the page and try again");
            return;
        }
        serve(ex, session.get(), body);
    }

    /** @param body a POST's body (at most {@link DashboardReplies#MAX_BODY_BYTES}), null for GET and HEAD */
    abstract void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException;
}
