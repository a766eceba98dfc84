package jsup.supervisor.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The webhook's JSON document (docs/notifications.md, "Payload"); {@code text} is what Slack shows. */
final class EventJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode of(NotifyEvent e) {
        ObjectNode json = JSON.createObjectNode();
        json.put("text", e.text());
        json.put("event", e.event());
        json.put("app", e.app());
        if (e.reason() != null) {
            json.put("reason", e.reason());
        }
        json.put("detail", e.detail());
        json.put("time", e.at().toString());
        json.put("host", e.host());
        e.stderr().forEach(json.putArray("stderr")::add);
        if (e.suppressed() > 0) {
            json.put("suppressed", e.suppressed());
        }
        return json;
    }
}
