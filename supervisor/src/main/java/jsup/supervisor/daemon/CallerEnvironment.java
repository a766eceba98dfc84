package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.AppSpecJson;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ControlRequest;
import jsup.supervisor.control.ErrorCode;

/**
 * {@code jsup restart NAME --update-env} (PM2's meaning): the app takes the calling shell's
 * environment ({@code "caller_env"} of the request), with the app's own {@code env} keys on top.
 * Remembers each app's own {@code env} as last deployed from a file or script, so a second
 * {@code --update-env} replaces the first caller's variables instead of keeping them on top.
 */
final class CallerEnvironment {

    /** Variables that mark jsupd's own processes; a caller's value must never replace jsupd's. */
    private static final Set<String> JSUPD_MARKS = Set.of(JsupHome.ENV_VAR,
            Supervisor.APP_ENV_VAR);

    private final Map<String, Map<String, String>> ownEnv = new ConcurrentHashMap<>();

    /** Records {@code spec.env()} as the app's own (it came from a file, a script or a restore). */
    void defined(AppSpec spec) {
        ownEnv.put(spec.name(), spec.env());
    }

    void forget(String app) {
        ownEnv.remove(app);
    }

    /**
     * The request's {@code caller_env}: an object of strings; empty when absent.
     *
     * @throws ControlException BAD_REQUEST when it is not an object of strings
     */
    static Map<String, String> of(ControlRequest r) throws ControlException {
        JsonNode n = r.args().get("caller_env");
        Map<String, String> env = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return env;
        }
        if (!n.isObject()) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "argument \"caller_env\" of \"" + r.cmd()
                    + "\" must be an object of strings (the caller's environment)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ControlException(ErrorCode.BAD_REQUEST, "caller_env." + e.getKey()
                        + " must be a string");
            }
            env.put(e.getKey(), e.getValue().asText());
        }
        return env;
    }

    /**
     * The app's definition in ecosystem form with {@code env} = the caller's environment, then the
     * app's own {@code env} on top; to be loaded again (and so validated) by the caller.
     */
    ObjectNode applied(AppSpec current, Map<String, String> caller) {
        Map<String, String> env = new TreeMap<>(caller);
        JSUPD_MARKS.forEach(env::remove);
        env.putAll(ownEnv.getOrDefault(current.name(), current.env()));
        ObjectNode json = AppSpecJson.toJson(current);
        ObjectNode envJson = json.putObject("env");
        env.forEach(envJson::put);
        return json;
    }
}
