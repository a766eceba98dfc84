package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jsup.supervisor.AppStatus;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;
import jsup.supervisor.notify.Notifier;

/**
 * {@code notify-test}: sends a test event through the sinks of one app (or of every app) and answers
 * {@code {"ok": all ok, "sinks": [{"sink", "apps", "ok", "error"}]}}. Sink labels and errors never
 * hold a secret.
 */
final class NotifyTestAnswer {

    private NotifyTestAnswer() {
    }

    static JsonNode of(Jsupd jsupd, String target) throws ControlException {
        String app = target;
        if (target != null) {
            AppStatus s = jsupd.supervisor().status(app).orElseThrow(() -> new ControlException(ErrorCode.UNKNOWN_APP,
                    "no app named \"" + target + "\"; 'jsup list' shows the apps"));
            app = s.name();
            if (s.spec().notifications() == null) {
                throw new ControlException(ErrorCode.BAD_REQUEST, "app " + app + " has no notify block; add one "
                        + "(see docs/notifications.md) and deploy the file again with jsup start");
            }
        }
        List<Notifier.TestResult> results;
        try {
            results = jsupd.notifications().test(app);
        } catch (IllegalStateException e) {
            throw new ControlException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        if (results.isEmpty()) {
            throw new ControlException(ErrorCode.BAD_REQUEST, Notifications.NO_BLOCK);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("ok", results.stream().allMatch(Notifier.TestResult::ok));
        ArrayNode sinks = answer.putArray("sinks");
        for (Notifier.TestResult r : results) {
            ObjectNode o = sinks.addObject().put("sink", r.sink()).put("ok", r.ok());
            r.apps().forEach(o.putArray("apps")::add);
            if (!r.ok()) {
                o.put("error", r.error());
            }
        }
        return answer;
    }
}
