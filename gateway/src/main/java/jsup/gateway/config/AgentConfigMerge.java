package jsup.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import jsup.gateway.logging.Secrets;

/**
 * The per-agent file {@code agents/main/config.json} beside the config, where the seed keeps
 * settings such as {@code commands.native}. It is merged over the config key by key, objects
 * recursively: a value set in the agent file wins, because it is the more specific one.
 */
final class AgentConfigMerge {

    private AgentConfigMerge() {
    }

    /**
     * Merges {@code file} into {@code root} when it exists.
     *
     * @return whether it was merged; a file that cannot be read or parsed is recorded as a problem
     */
    static boolean mergeInto(ObjectNode root, Path file, ObjectMapper json, ConfigReader r) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String where = "(" + file + ")";
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode agent = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            if (agent == null || !agent.isObject()) {
                r.problem(where, "the top level must be a JSON object { ... }");
                return false;
            }
            merge(root, (ObjectNode) agent);
            return true;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            r.problem(where, "not valid JSON" + at + ": " + Secrets.redact(e.getOriginalMessage().split("\n")[0]));
        } catch (IOException e) {
            r.problem(where, "cannot read it: " + e.getMessage());
        }
        return false;
    }

    static void merge(ObjectNode target, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = target.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) f.getValue());
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }
}
