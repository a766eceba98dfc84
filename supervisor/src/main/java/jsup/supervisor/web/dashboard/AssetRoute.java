package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import jsup.supervisor.web.Replies;
import jsup.supervisor.web.SessionRoute;

/** A stylesheet or script of the dashboard: no data in it, so served without a session (the login page needs it). */
final class AssetRoute implements SessionRoute {

    private final Assets.Asset asset;

    AssetRoute(String file) {
        this.asset = Assets.load(file);
    }

    @Override
    public void serve(HttpExchange ex) throws IOException {
        if (Replies.readOnly(ex)) {
            DashboardReplies.send(ex, 200, asset.type(), asset.bytes());
        }
    }
}
