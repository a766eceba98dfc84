package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code pre_start}: a list of {@code {"run": "cmd", "timeout": "30s"}} and
 * {@code {"clear_stale_locks": "~/.app/*.lock"}} entries (a single entry may be given without the list).
 * A lock glob gets {@code ~} expanded and is made absolute against the app's cwd here, so the runner gets
 * a plain absolute pattern.
 */
final class PreStartReader {

    private static final String ACCEPTED = "use {\"run\": \"scripts/check.sh\", \"timeout\": \"30s\"} or "
            + "{\"clear_stale_locks\": \"~/.app/*.lock\"}";

    private final HostPaths host;

    PreStartReader(HostPaths host) {
        this.host = host;
    }

    List<PreStartStep> read(Fields app, Path cwd) {
        JsonNode value = app.take("pre_start");
        List<PreStartStep> steps = new ArrayList<>();
        if (value == null) {
            return steps;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(entries::add);
        } else if (value.isObject()) {
            entries.add(value);
        } else {
            app.bad("pre_start", value, "is not a list of steps; " + ACCEPTED);
            return steps;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = app.path("pre_start") + "[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                app.problems().error(path, Values.show(entry) + " is not a step; " + ACCEPTED);
                continue;
            }
            PreStartStep step = step(new Fields((ObjectNode) entry, path, app.problems()), cwd);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private PreStartStep step(Fields f, Path cwd) {
        boolean run = f.has("run");
        boolean locks = f.has("clear_stale_locks");
        PreStartStep step = null;
        if (run && locks) {
            f.problems().error(f.path(), "has both run and clear_stale_locks; give one per step");
        } else if (run) {
            String command = f.nonEmptyText("run");
            Duration timeout = f.duration("timeout", AppReader.PRE_START_TIMEOUT);
            if (f.take("remove_unowned_after") != null) {
                f.problems().warn(f.path("remove_unowned_after"), "applies only to clear_stale_locks steps; ignored here");
            }
            if (timeout.isZero()) {
                f.error("timeout", "is 0; use a positive duration such as \"30s\"");
            } else if (command != null) {
                step = new PreStartStep.RunCommand(command, timeout);
            }
        } else if (locks) {
            String glob = f.nonEmptyText("clear_stale_locks");
            if (f.take("timeout") != null) {
                f.problems().warn(f.path("timeout"), "applies only to run steps; ignored here");
            }
            Duration unownedAfter = f.optionalDuration("remove_unowned_after");
            if (glob != null) {
                try {
                    step = new PreStartStep.ClearStaleLocks(host.resolve(cwd, glob.strip()).toString(), unownedAfter);
                } catch (IllegalArgumentException e) {
                    f.error("clear_stale_locks", e.getMessage());
                }
            }
        } else {
            f.problems().error(f.path(), "has neither run nor clear_stale_locks; " + ACCEPTED);
        }
        f.warnUnused(KeyCatalog.PRE_START_KEYS, false);
        return step;
    }
}
