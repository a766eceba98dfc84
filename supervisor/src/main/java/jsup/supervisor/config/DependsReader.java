package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code depends_on} (process-compose's form: {@code {"db": "healthy"}}, or a list of names meaning
 * {@code started}) and {@code depends_timeout}. Whether the names exist and form no cycle is checked once
 * the whole file is read ({@link EcosystemLoader}).
 */
final class DependsReader {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONDITIONS = "use \"started\", \"healthy\" or \"completed_successfully\"";

    private DependsReader() {
    }

    /** The dependencies in file order; empty when none (problems recorded for bad entries). */
    static Map<String, DependencyCondition> read(Fields f, String self) {
        Map<String, DependencyCondition> deps = new LinkedHashMap<>();
        JsonNode value = f.take("depends_on");
        if (value == null) {
            return deps;
        }
        String path = f.path("depends_on");
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode name = value.get(i);
                if (!name.isTextual() || name.textValue().isBlank()) {
                    f.problems().error(path + "[" + i + "]", Values.show(name) + " is not an app name");
                } else {
                    add(f, path + "[" + i + "]", self, name.textValue().strip(), DependencyCondition.STARTED, deps);
                }
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = Problems.join(path, e.getKey());
                JsonNode c = e.getValue();
                // process-compose writes {"db": {"condition": "process_healthy"}}; both spellings are read.
                if (c.isObject() && c.has("condition")) {
                    c = c.get("condition");
                }
                DependencyCondition condition = c.isTextual() ? parse(c.textValue()) : null;
                if (condition == null) {
                    f.problems().error(at, Values.show(c) + " is not a condition; " + CONDITIONS);
                } else {
                    add(f, at, self, e.getKey().strip(), condition, deps);
                }
            }
        } else {
            f.bad("depends_on", value, "is not an object or a list of app names; use {\"db\": \"healthy\"} "
                    + "or [\"db\"]");
        }
        return deps;
    }

    static Duration readTimeout(Fields f) {
        Duration timeout = f.duration("depends_timeout", DEFAULT_TIMEOUT);
        if (timeout != null && timeout.isZero()) {
            f.error("depends_timeout", "is 0; use a positive duration such as \"60s\"");
        }
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A condition in jsup's or process-compose's spelling ({@code process_healthy}). */
    static DependencyCondition parse(String text) {
        String t = text.strip();
        return DependencyCondition.fromLabel(t.startsWith("process_") ? t.substring("process_".length()) : t);
    }

    private static void add(Fields f, String at, String self, String name, DependencyCondition condition,
                            Map<String, DependencyCondition> deps) {
        if (name.equals(self)) {
            f.problems().error(at, "an app cannot depend on itself; remove " + Values.quote(name));
        } else {
            deps.put(name, condition);
        }
    }
}
