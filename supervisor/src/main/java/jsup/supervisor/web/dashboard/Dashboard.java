package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.control.CommandHandler;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.web.Route;
import jsup.supervisor.web.WebToken;

/**
 * The web dashboard (docs/dashboard.md): its routes on jsupd's listener, its logins, and the
 * sampler that fills the charts' {@link UsageHistory}. Made when the listener starts and closed with
 * it, so with the listener off none of it is loaded or runs.
 */
public final class Dashboard implements AutoCloseable {

    private final EngineCalls engine;
    private final Clock clock;
    private final LoginSessions sessions = new LoginSessions();
    private final UsageHistory history = new UsageHistory();
    private final ScheduledExecutorService sampler;

    /** @param commands jsupd's control command handler, the one the CLI's requests reach */
    public Dashboard(CommandHandler commands, Clock clock) {
        this.engine = new EngineCalls(commands);
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupd-web-history");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, UsageHistory.INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** Adds the dashboard's paths to {@code routes}. */
    public void addRoutes(Map<String, Route> routes, WebToken token) {
        BrowserGuard guard = new BrowserGuard(sessions, clock);
        routes.put("/", new PageRoute(guard, "index.html"));
        routes.put("/app", new PageRoute(guard, "app.html"));
        routes.put("/login", new LoginRoute(sessions, token, clock));
        for (String asset : new String[] {"dashboard.css", "common.js", "table.js", "app.js", "login.js", "icon.svg"}) {
            routes.put("/assets/" + asset, new AssetRoute(asset));
        }
        routes.put("/api/session", new SessionInfoRoute(guard, sessions));
        routes.put("/api/events", new AppTableRoute(guard, engine));
        routes.put("/api/app", new AppDetailRoute(guard, engine, history));
        routes.put("/api/logs", new LogTailRoute(guard, engine));
        routes.put("/api/action", new ActionRoute(guard, engine));
    }

    /** {@code jsup web open}: a login address with a one-time code ({@link LoginSessions#CODE_LIFETIME}). */
    public String oneTimeLogin(String listenerUrl) {
        return listenerUrl + "/login?code=" + sessions.newCode(clock.instant());
    }

    public static long codeLifetimeSeconds() {
        return LoginSessions.CODE_LIFETIME.toSeconds();
    }

    /** One point per app: the CPU % and memory of jsupd's snapshot (what {@code jsup list} shows). */
    private void sample() {
        try {
            Map<String, UsageHistory.Point> points = new HashMap<>();
            long now = clock.instant().getEpochSecond();
            for (JsonNode app : engine.list(false)) {
                points.put(app.path("name").asText(), new UsageHistory.Point(now, (float) app.path("cpu").asDouble(),
                        app.path("memory").asLong()));
            }
            history.record(points);
        } catch (ControlException | RuntimeException e) {
            // jsupd is shutting down, or a sample failed: the chart has a gap, the sampler goes on
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
