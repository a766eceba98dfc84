package jsup.cli.monit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.StatusTable;
import jsup.supervisor.units.Sizes;

/**
 * What monit asks jsupd, over the control socket the other commands use: {@code list} once per tick
 * (the figures jsupd already keeps: its sampler's last CPU and memory, health, history), and
 * {@code describe all} only when the set of apps changes, for each app's {@code max_memory_restart}.
 * Nothing new is computed in jsupd for monit, and the {@code list} names only the fields monit shows
 * ({@link #SHOWN}), so jsupd builds and sends no transitions, probe results or sockets. When jsupd
 * stops answering, the next poll connects again (never starting a jsupd: monit only watches).
 */
final class MonitSource implements AutoCloseable {

    /** The fields the screen and the plain table read of each app object. */
    static final List<String> SHOWN = shown();

    private final CliContext ctx;
    private final ObjectNode listArgs;
    private DaemonConnection daemon;
    private final Map<String, Long> maxMemory = new HashMap<>();
    private String appSet = "";
    private JsonNode lastApps;

    /**
     * @param daemon    the connection the command opened (which started jsupd on first use)
     * @param wholeApps ask for the whole app objects (monit's {@code --json} prints them as jsupd sends them)
     */
    MonitSource(CliContext ctx, DaemonConnection daemon, boolean wholeApps) {
        this.ctx = ctx;
        this.daemon = daemon;
        this.listArgs = DaemonConnection.args();
        if (!wholeApps) {
            SHOWN.forEach(listArgs.putArray("fields")::add);
        }
    }

    private static List<String> shown() {
        Set<String> fields = new LinkedHashSet<>(AppRow.FIELDS);
        fields.addAll(StatusTable.FIELDS);
        return List.copyOf(fields);
    }

    /**
     * The apps now.
     *
     * @throws ExitException when jsupd does not answer; its message says why
     */
    List<AppRow> poll() {
        DaemonConnection d = connection();
        try {
            JsonNode apps = d.call("list", listArgs).path("apps");
            lastApps = apps;
            StringBuilder set = new StringBuilder();
            apps.forEach(a -> set.append(a.path("id").asInt()).append(':').append(a.path("name").asText()).append(','));
            if (!set.toString().equals(appSet) && !apps.isEmpty()) {
                readMaxMemory(d);
            }
            appSet = set.toString();
            List<AppRow> rows = new ArrayList<>(apps.size());
            for (JsonNode a : apps) {
                rows.add(AppRow.of(a, maxMemory.getOrDefault(a.path("name").asText(), 0L)));
            }
            return rows;
        } catch (ExitException e) {
            close();
            throw e;
        }
    }

    /** The app objects of the last {@link #poll()}, as jsupd sent them (for plain and JSON output). */
    JsonNode lastApps() {
        return lastApps;
    }

    /**
     * Runs {@code action} on a connection of its own (a restart waits until the app is up, while the
     * screen goes on being drawn from the polling connection), and says what happened.
     */
    String act(MonitAction action) {
        try (DaemonConnection d = DaemonConnection.ifRunning(ctx)
                .orElseThrow(() -> new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsupd is not running"))) {
            d.call(action.kind().command(), DaemonConnection.args().put("target", action.app()));
            return switch (action.kind()) {
                case RESTART -> "restarted " + action.app();
                case STOP -> "stopped " + action.app();
                case START -> "started " + action.app();
                case QUIT -> "";
            };
        } catch (ExitException e) {
            return firstLine(e.getMessage());
        }
    }

    private void readMaxMemory(DaemonConnection d) {
        maxMemory.clear();
        for (JsonNode a : d.call("describe", DaemonConnection.args().put("target", "all")).path("apps")) {
            String max = a.path("config").path("max_memory_restart").asText("0");
            try {
                maxMemory.put(a.path("name").asText(), Sizes.parse(max));
            } catch (IllegalArgumentException e) {
                maxMemory.put(a.path("name").asText(), 0L); // no bar rather than no monit
            }
        }
    }

    private DaemonConnection connection() {
        if (daemon == null) {
            daemon = DaemonConnection.ifRunning(ctx).orElseThrow(() -> new ExitException(4,
                    "jsup: jsupd is not running (start it again: jsup resurrect)"));
        }
        return daemon;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }
}
