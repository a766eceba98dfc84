package jsup.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.daemon.JsupHome;

/**
 * What a look at jsupd found, without ever starting one: whether it answered {@code ping}, and if so
 * its apps (from {@code list}) and their configs (from {@code describe all}).
 *
 * @param socket  {@code $JSUP_HOME/jsup.sock}
 * @param pong    jsupd's answer to {@code ping}; null when it did not answer
 * @param problem why it did not answer (or why a later call failed); empty when all went well
 * @param apps    the app objects of {@code list} (each with its main {@code pid})
 * @param configs the {@code config} of every app from {@code describe all}; empty unless asked for
 */
public record DaemonState(Path socket, JsonNode pong, String problem, List<JsonNode> apps, List<JsonNode> configs) {

    /** Long enough for a busy jsupd, short enough that a hung one does not hang the doctor. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    public DaemonState {
        apps = List.copyOf(apps);
        configs = List.copyOf(configs);
    }

    public boolean reachable() {
        return pong != null;
    }

    /** Looks at the jsupd of {@code home}; asks for every app's config when {@code withConfigs}. */
    public static DaemonState inspect(JsupHome home, boolean withConfigs) {
        Path socket = home.socket();
        ControlClient client;
        try {
            client = ControlClient.connect(home.dir());
        } catch (ControlException e) {
            return new DaemonState(socket, null, e.getMessage(), List.of(), List.of());
        }
        try (client) {
            JsonNode pong;
            try {
                pong = client.call("ping", null, CALL_TIMEOUT);
            } catch (ControlException e) {
                return new DaemonState(socket, null, e.getMessage(), List.of(), List.of());
            }
            List<JsonNode> apps = new ArrayList<>();
            List<JsonNode> configs = new ArrayList<>();
            try {
                client.call("list", null, CALL_TIMEOUT).path("apps").forEach(apps::add);
                if (withConfigs && !apps.isEmpty()) {
                    for (JsonNode app : client.call("describe", ControlClient.args().put("target", "all"), CALL_TIMEOUT)
                            .path("apps")) {
                        configs.add(app.path("config"));
                    }
                }
            } catch (ControlException e) {
                return new DaemonState(socket, pong, "jsupd answered ping but not list/describe: " + e.getMessage(),
                        apps, configs);
            }
            return new DaemonState(socket, pong, "", apps, configs);
        }
    }
}
