package jsup.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * The link to the jsupd that owns a {@code $JSUP_HOME}, over its control socket
 * ({@link ControlClient}). Each call opens its own short connection, so calls from several chats run
 * side by side and a restarted jsupd is found again without any reconnect logic.
 *
 * <p>Every failure becomes one sentence for a chat reply: what went wrong and what to do, never a
 * stack trace. jsupd's messages carry paths and app names, no secrets.
 */
public final class ControlSupervisorLink implements SupervisorLink {

    /** A ping answers in milliseconds; a jsupd that takes longer counts as not reachable. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    /** {@code list} and {@code logs-info} only read jsupd's state. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** {@code restart} waits for the app's stop (its kill_timeout) and launch. */
    static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);
    /** App names typed in a chat are quoted back at most this long. */
    private static final int MAX_QUOTED = 64;

    private final Path jsupHome;

    /** A link to the jsupd of {@code jsupHome} (the folder holding {@code jsup.sock}). */
    public ControlSupervisorLink(Path jsupHome) {
        this.jsupHome = Objects.requireNonNull(jsupHome, "jsupHome").toAbsolutePath().normalize();
    }

    public Path jsupHome() {
        return jsupHome;
    }

    @Override
    public boolean reachable() {
        return probe().isEmpty();
    }

    @Override
    public String unreachableReason() {
        return probe().orElse("");
    }

    /** Empty when jsupd answers a ping, else why not. */
    private Optional<String> probe() {
        try (ControlClient client = ControlClient.connect(jsupHome, PING_TIMEOUT)) {
            client.call("ping", null, PING_TIMEOUT);
            return Optional.empty();
        } catch (ControlException e) {
            return Optional.of(e.code() == ErrorCode.TIMEOUT
                    ? "jsupd at " + jsupHome + " did not answer a ping within " + PING_TIMEOUT.toMillis() + " ms"
                    : e.getMessage());
        }
    }

    @Override
    public Optional<String> statusTable() {
        try {
            return Optional.of(AppTable.render(apps(call("list", null, READ_TIMEOUT))));
        } catch (ControlException e) {
            return e.code() == ErrorCode.DAEMON_UNREACHABLE
                    ? Optional.empty()
                    : Optional.of("(jsupd did not list its apps: " + explain(e, "list", null) + ")");
        }
    }

    /**
     * The last {@code lines} (at most {@value AppLogExcerpt#MAX_LINES}) lines of the app's out and
     * error files, read straight from the files jsupd's {@code logs-info} names.
     */
    @Override
    public List<String> logTail(String app, int lines) throws IOException {
        JsonNode entry;
        try {
            JsonNode info = call("logs-info", ControlClient.args().put("target", app), READ_TIMEOUT);
            entry = oneApp(apps(info), app);
        } catch (ControlException e) {
            throw new IOException(explain(e, "logs-info", app), e);
        }
        return AppLogExcerpt.of(path(entry, "out_file"), path(entry, "error_file"), lines);
    }

    /** Restarts {@code app} through jsupd's normal stop path and waits until it is launched again. */
    @Override
    public void restart(String app) throws IOException {
        try {
            // A target may also be a namespace or "all": make sure it is one app before restarting anything.
            JsonNode entry = oneApp(apps(call("describe", ControlClient.args().put("target", app), READ_TIMEOUT)), app);
            String name = entry.path("name").asText();
            JsonNode result = call("restart", ControlClient.args().put("target", name), RESTART_TIMEOUT);
            boolean restarted = false;
            for (JsonNode n : result.path("restarted")) {
                restarted |= n.asText().equals(name);
            }
            if (!restarted) {
                throw new IOException("jsupd did not restart " + quote(name) + " (it answered " + result + ")");
            }
        } catch (ControlException e) {
            throw new IOException(explain(e, "restart", app), e);
        }
    }

    private JsonNode call(String cmd, ObjectNode args, Duration timeout)
            throws ControlException {
        try (ControlClient client = ControlClient.connect(jsupHome, PING_TIMEOUT)) {
            return client.call(cmd, args, timeout);
        }
    }

    private static List<JsonNode> apps(JsonNode result) {
        List<JsonNode> apps = new ArrayList<>();
        result.path("apps").forEach(apps::add);
        return apps;
    }

    /** The app named (or numbered) {@code app}; an unknown name or a group of apps is refused by name. */
    private static JsonNode oneApp(List<JsonNode> apps, String app) throws ControlException {
        for (JsonNode a : apps) {
            if (a.path("name").asText().equals(app) || a.path("id").asText().equals(app)) {
                return a;
            }
        }
        if (apps.size() > 1) {
            String names = apps.stream().map(a -> a.path("name").asText()).limit(10).collect(Collectors.joining(", "));
            throw new ControlException(ErrorCode.BAD_REQUEST, quote(app) + " is a group of " + apps.size()
                    + " apps (" + names + "), not one app; name one of them");
        }
        throw new ControlException(ErrorCode.UNKNOWN_APP, "no app " + quote(app));
    }

    private static Path path(JsonNode entry, String field) {
        JsonNode v = entry.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : Path.of(v.asText());
    }

    /** One sentence for a chat reply: what failed and what to do about it. */
    private String explain(ControlException e, String cmd, String app) {
        return switch (e.code()) {
            case UNKNOWN_APP -> "jsupd has no app named " + quote(app) + "; /status lists the apps it supervises";
            case DAEMON_UNREACHABLE -> "jsupd is not reachable: " + e.getMessage();
            case TIMEOUT -> "jsupd did not answer \"" + cmd + "\" in time; /status shows whether it is still up";
            case SHUTTING_DOWN -> "jsupd is shutting down; try again once it is back";
            case BUSY -> "jsupd is busy (too many connections); try again in a moment";
            case BAD_REQUEST -> e.getMessage();
            default -> "jsupd refused \"" + cmd + "\": " + e.getMessage() + " (" + e.code() + ")";
        };
    }

    private static String quote(String app) {
        String s = app == null ? "" : app;
        return "\"" + (s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s) + "\"";
    }

    @Override
    public String toString() {
        return "jsupd at " + jsupHome;
    }
}
