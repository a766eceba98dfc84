package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.supervisor.AppStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.process.ProcEnviron;

/**
 * The environment an app runs with ({@code jsup env}): read from {@code /proc/<pid>/environ} of its
 * running main process, so it is what the process really got; for an app that does not run, what
 * its next start would pass: jsupd's own environment, then the app's {@code env}, then jsupd's
 * marks ({@code JSUP_HOME}, {@code JSUP_APP}), the order the launcher applies them in.
 *
 * @param source {@code "process"} (read from /proc) or {@code "next start"} (computed)
 * @param pid    the process read, or 0 for {@code "next start"}
 */
record AppEnvironment(String name, String source, long pid, SortedMap<String, String> variables) {

    static final String FROM_PROCESS = "process";
    static final String FOR_NEXT_START = "next start";

    /** The environment of {@code app}: its process's when it runs and /proc lets us read it, else the next start's. */
    static AppEnvironment of(AppStatus app, Map<String, String> marks, Map<String, String> jsupdEnvironment) {
        if (app.pid() > 0) {
            Optional<SortedMap<String, String>> running = read(Path.of("/proc", Long.toString(app.pid()), "environ"));
            if (running.isPresent()) {
                return new AppEnvironment(app.name(), FROM_PROCESS, app.pid(), running.get());
            }
        }
        SortedMap<String, String> next = new TreeMap<>(jsupdEnvironment);
        next.putAll(app.spec().env());
        next.putAll(marks);
        next.put(Supervisor.APP_ENV_VAR, app.name());
        return new AppEnvironment(app.name(), FOR_NEXT_START, 0, next);
    }

    /** The environment in {@code environ}; empty when the process is gone, not ours, or cannot be read. */
    static Optional<SortedMap<String, String>> read(Path environ) {
        try {
            return ProcEnviron.read(environ);
        } catch (ProcUnreadableException e) {
            return Optional.empty(); // shown as what the next start would pass
        }
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("name", name).put("source", source).put("pid", pid);
        ObjectNode env = o.putObject("env");
        variables.forEach(env::put);
        return o;
    }
}
