package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** A page of the dashboard (the app table, an app's page), for a signed-in browser. */
final class PageRoute extends SignedInRoute {

    private final Assets.Asset page;

    PageRoute(BrowserGuard guard, String file) {
        super(guard, true);
        this.page = Assets.load(file);
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        DashboardReplies.send(ex, 200, page.type(), page.bytes());
    }
}
