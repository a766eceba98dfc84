package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * Which fields of the app object a {@code list} caller asked for ({@code "fields": ["id", "status", …]};
 * docs/control-protocol.md, "list"). A caller that polls (jsup monit, jsup list's table) names what it
 * shows, so jsupd neither builds nor sends the histories, transitions and probe results it leaves out.
 */
final class AppFields {

    /** Every field an app object of {@code list} can carry, in the order the protocol documents them. */
    static final List<String> KNOWN = List.of("id", "name", "namespace", "instance", "instance_of", "status",
            "ready", "notify_status", "want", "pid", "started_at", "uptime_ms", "restarts", "unstable_restarts",
            "last_exit", "status_reason", "cpu", "memory", "health", "health_failures", "inotify_warning",
            "inotify_detail", "next_cron", "watch", "watch_watches", "watch_warning", "sockets", "inotify",
            "out_file", "error_file", "log_file", "restart_history", "transitions", "health_results", "metrics");

    /** The fields the restart triggers fill in (a watch that fell back to polling also sets the inotify warning). */
    private static final List<String> TRIGGER_FIELDS = List.of("next_cron", "watch", "watch_watches", "watch_warning",
            "inotify_warning", "inotify_detail");

    /** No {@code fields} argument: the whole object, as before the argument existed. */
    static final AppFields ALL = new AppFields(null);

    private final Set<String> wanted;

    private AppFields(Set<String> wanted) {
        this.wanted = wanted;
    }

    /**
     * The fields {@code names} asks for; none at all means every field.
     *
     * @throws ControlException BAD_REQUEST naming an unknown field and the known ones
     */
    static AppFields of(List<String> names) throws ControlException {
        if (names.isEmpty()) {
            return ALL;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String n : names) {
            if (!KNOWN.contains(n)) {
                throw new ControlException(ErrorCode.BAD_REQUEST, "\"fields\" names \"" + n + "\", which is not a "
                        + "field of the app object; use any of " + String.join(", ", KNOWN));
            }
            wanted.add(n);
        }
        return new AppFields(wanted);
    }

    boolean wants(String field) {
        return wanted == null || wanted.contains(field);
    }

    /** Whether the restart triggers' fields are needed. */
    boolean wantsTriggers() {
        return wanted == null || TRIGGER_FIELDS.stream().anyMatch(wanted::contains);
    }

    /** Drops what was not asked for from {@code app} (the cheap fields are built either way). */
    ObjectNode trim(ObjectNode app) {
        if (wanted != null) {
            app.retain(wanted);
        }
        return app;
    }
}
