package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import jsup.supervisor.AppStatus;
import jsup.supervisor.metrics.AppFigures;
import jsup.supervisor.metrics.DaemonFigures;
import jsup.supervisor.daemonlog.JsupdLog;
import jsup.supervisor.metrics.MetricsRoute;
import jsup.supervisor.metrics.PrometheusExposition;
import jsup.supervisor.web.Replies;
import jsup.supervisor.web.Route;
import jsup.supervisor.web.WebServer;
import jsup.supervisor.web.WebSettings;
import jsup.supervisor.web.WebSettingsException;
import jsup.supervisor.web.WebToken;
import jsup.supervisor.web.dashboard.Dashboard;

/**
 * Starts and stops jsupd's web listener from {@code jsupd.json} and the {@code web} command. Only
 * {@link Jsupd} holds one; when {@code jsupd.json} does not exist (the default) nothing of the web
 * or metrics packages is loaded at all.
 */
final class WebControl implements AutoCloseable {

    private static final JsupdLog.Logger log = JsupdLog.logger(WebControl.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsupHome home;
    private final Jsupd jsupd;
    private WebServer server;
    private Dashboard dashboard;
    /** Why the listener the settings ask for does not run, or null. */
    private String error;

    WebControl(Jsupd jsupd) {
        this.jsupd = jsupd;
        this.home = jsupd.home();
    }

    /** One scrape's figures: every app's, from jsupd's snapshot, and jsupd's own. */
    private PrometheusExposition.Scrape scrape() {
        List<AppStatus> apps = jsupd.supervisor().list();
        List<AppFigures> figures = new ArrayList<>(apps.size());
        for (AppStatus s : apps) {
            figures.add(jsupd.figures().of(s));
        }
        return new PrometheusExposition.Scrape(figures, DaemonFigures.read(Path.of("/proc"), jsupd.startedAt(),
                apps.size()));
    }

    Path settingsFile() {
        return home.dir().resolve("jsupd.json");
    }

    Path tokenFile() {
        return home.dir().resolve("web.token");
    }

    /** At start: runs the listener when jsupd.json enables it; a bad file is logged, not fatal. */
    synchronized void startFromSettings() {
        if (!Files.exists(settingsFile())) {
            return;
        }
        try {
            WebSettings s = WebSettings.read(settingsFile());
            if (s.enabled()) {
                listen(s);
            }
        } catch (IOException e) {
            error = e.getMessage();
            log.error("web listener not started: {}", e.getMessage());
        }
    }

    /**
     * {@code web enable}: the settings of jsupd.json with {@code port}/{@code bind} when given, checked,
     * listening, then saved (only once they work, so a refused change leaves the file as it was).
     *
     * @throws IllegalArgumentException naming each problem of the asked settings
     * @throws IOException when the address cannot be bound or a file not written
     */
    synchronized ObjectNode enable(Integer port, String bind) throws IOException {
        WebSettings current;
        try {
            current = WebSettings.read(settingsFile());
        } catch (WebSettingsException e) {
            // Caught here, not by the command handler: its class loads only once the web is used.
            throw new IllegalArgumentException(e.getMessage() + "; fix it, or run 'jsup web disable' to replace it");
        }
        WebSettings asked = current.withAddress(port == null ? current.port() : port,
                bind == null ? current.bind() : bind).withEnabled(true);
        List<String> problems = asked.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        listen(asked);
        asked.write(settingsFile());
        return status();
    }

    /** {@code web disable}: stops the listener and records it in jsupd.json. */
    synchronized ObjectNode disable() throws IOException {
        stop();
        error = null;
        WebSettings current;
        try {
            current = WebSettings.read(settingsFile());
        } catch (WebSettingsException e) {
            current = WebSettings.DEFAULTS; // a file that does not parse is replaced by a valid, disabled one
        }
        current.withEnabled(false).write(settingsFile());
        return status();
    }

    /** {@code web open}: a one-time login address of the dashboard. */
    synchronized ObjectNode open() {
        if (server == null) {
            throw new IllegalArgumentException("the web listener is off, so there is no dashboard to open; run "
                    + "'jsup web enable' first");
        }
        return NODES.objectNode().put("url", dashboard.oneTimeLogin(server.url()))
                .put("expires_in_s", Dashboard.codeLifetimeSeconds());
    }

    /** {@code web status}: whether it listens, where, and what is public. */
    synchronized ObjectNode status() {
        ObjectNode o = NODES.objectNode();
        o.put("listening", server != null);
        o.put("settings_file", settingsFile().toString());
        o.put("token_file", tokenFile().toString());
        if (server != null) {
            WebSettings s = server.settings();
            o.put("url", server.url()).put("bind", s.bind()).put("port", server.address().getPort())
                    .put("tls", s.tls() != null);
            s.publicPaths().forEach(o.putArray("public")::add);
        }
        o.put("error", error);
        return o;
    }

    private void listen(WebSettings s) throws IOException {
        stop();
        WebToken token = WebToken.loadOrCreate(tokenFile());
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("/metrics", new MetricsRoute(new PrometheusExposition(this::scrape)));
        routes.put("/healthz", ex -> {
            if (Replies.readOnly(ex)) {
                Replies.text(ex, 200, "ok");
            }
        });
        dashboard = new Dashboard(new JsupdCommands(jsupd), jsupd.clock());
        dashboard.addRoutes(routes, token);
        try {
            server = WebServer.start(s, token, routes);
        } catch (IOException e) {
            stop();
            error = "cannot listen on " + s.bind() + ":" + s.port() + ": " + e.getMessage();
            log.error("{}", error);
            throw new IOException(error, e);
        }
        error = null;
        log.info("web listener on {} (public: {})", server.url(), s.publicPaths().isEmpty() ? "none"
                : String.join(", ", s.publicPaths()));
    }

    private void stop() {
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
        if (server != null) {
            server.close();
            log.info("web listener on {} stopped", server.url());
            server = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
