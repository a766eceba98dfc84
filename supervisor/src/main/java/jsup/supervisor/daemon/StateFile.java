package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.files.AtomicFiles;

/**
 * {@code state.json}: what this jsupd runs right now, so that a successor can clean up after it if it
 * dies without stopping its apps (even by SIGKILL). Rewritten atomically after spawns and exits (at
 * most once a second, see StateWritePacing);
 * removed on a clean exit, so its mere presence at start means "the last jsupd died uncleanly".
 *
 * <pre>{"version":1,"daemon_pid":123,"apps":[{"name":"web","want_up":true,"pid":456,
 *   "start_time":789012,"kill_signal":"TERM","kill_timeout_ms":1600,"config":{…}}]}</pre>
 */
final class StateFile {

    static final int VERSION = 1;

    /**
     * One app as last recorded.
     *
     * @param process the running process (pid + start time), or null when none ran
     * @param config  the app's config in ecosystem form (AppSpecJson)
     */
    record Entry(String name, boolean wantUp, ProcessIdentity process, String killSignal, Duration killTimeout,
                 ObjectNode config) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateFile() {
    }

    static void write(Path file, long daemonPid, List<Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("daemon_pid", daemonPid);
        ArrayNode apps = root.putArray("apps");
        for (Entry e : entries) {
            ObjectNode a = apps.addObject();
            a.put("name", e.name());
            a.put("want_up", e.wantUp());
            a.put("pid", e.process() == null ? 0 : e.process().pid());
            a.put("start_time", e.process() == null ? -1 : e.process().startTime());
            a.put("kill_signal", e.killSignal());
            a.put("kill_timeout_ms", e.killTimeout().toMillis());
            a.set("config", e.config());
        }
        // Compact: rewritten every 50 ms while 500 apps start; pretty-printing was most of that cost.
        AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
    }

    /**
     * Reads the entries. An entry whose config is unusable still yields its process, so a leftover is
     * stopped even when its app cannot be restored.
     *
     * @throws IOException when the file is unreadable or not a state file; the message says which
     */
    static List<Entry> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IOException(file + " is unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.path("apps").isArray()) {
            throw new IOException(file + " is not a jsupd state file (no \"apps\" array)");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode a : root.get("apps")) {
            String name = a.path("name").asText("");
            int pid = a.path("pid").asInt(0);
            ProcessIdentity process = pid > 0 ? new ProcessIdentity(pid, a.path("start_time").asLong(-1)) : null;
            JsonNode config = a.get("config");
            entries.add(new Entry(name, a.path("want_up").asBoolean(false), process,
                    a.path("kill_signal").asText("TERM"), Duration.ofMillis(a.path("kill_timeout_ms").asLong(1600)),
                    config instanceof ObjectNode ? (ObjectNode) config : null));
        }
        return entries;
    }
}
