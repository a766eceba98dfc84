package jsup.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import jsup.supervisor.SecretNames;

/**
 * Hides the values of secret-looking keys (a bot token, an API key) in what the CLI prints:
 * {@code jsup env}, {@code describe} and {@code list --json} show them as {@value #MASK} unless
 * {@code --show-secrets} is given. A key is secret-looking by {@link SecretNames} (TOKEN, KEY, SECRET,
 * PASS, WEBHOOK, CREDENTIAL in it, or DSN, AUTH, COOKIE as a word); the password of a URL value
 * ({@code DATABASE_URL=postgres://app:••••@db/app}) is hidden whatever the key; in a {@code notify} block
 * also a webhook's url and headers written as literals. The one place that decides; every command uses it.
 */
public final class SecretMask {

    /** What a hidden value prints as. */
    public static final String MASK = "••••";

    private SecretMask() {
    }

    /** True when {@code key}'s value should be hidden. */
    public static boolean isSecret(String key) {
        return SecretNames.isSecret(key);
    }

    /** A copy of {@code node} in which the value of every secret-looking key, at any depth, is {@link #MASK}. */
    public static JsonNode mask(JsonNode node) {
        return mask(node, false);
    }

    /**
     * @param inNotify inside a {@code notify} block, where a sink's list or object ({@code "webhook": […]})
     *                 is shaped by {@link #maskNotify} (references shown, literals hidden), not hidden whole
     */
    private static JsonNode mask(JsonNode node, boolean inNotify) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                boolean empty = value.isNull() || value.isTextual() && value.asText().isEmpty();
                boolean notify = "notify".equals(field.getKey());
                boolean hide = isSecret(field.getKey()) && !empty && !(inNotify && value.isContainerNode());
                JsonNode shown = notify ? maskNotify(value, false) : value;
                copy.set(field.getKey(), hide ? copy.textNode(MASK) : mask(shown, inNotify || notify));
                if (!hide && value.isTextual()) {
                    String masked = SecretNames.maskUrlPassword(value.asText(), MASK);
                    if (!masked.equals(value.asText())) {
                        copy.put(field.getKey(), masked);
                    }
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(mask(element, inNotify)));
            return copy;
        }
        return node;
    }

    /**
     * In a {@code notify} block, a webhook's {@code url} (its path is the secret of a Slack or Discord
     * webhook) and every header value, unless written as a {@code ${VAR}} reference (then only the
     * name shows).
     */
    private static JsonNode maskNotify(JsonNode node, boolean secretPlace) {
        if (node.isTextual()) {
            return secretPlace && !node.asText().contains("${") ? JsonNodeFactory.instance.textNode(MASK) : node;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                boolean secret = secretPlace || "url".equals(field.getKey()) || "headers".equals(field.getKey());
                copy.set(field.getKey(), maskNotify(field.getValue(), secret));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(maskNotify(element, secretPlace)));
            return copy;
        }
        return node;
    }

    /** {@code node} as it may be shown: masked unless {@code showSecrets}. */
    public static JsonNode shown(JsonNode node, boolean showSecrets) {
        return showSecrets ? node : mask(node);
    }
}
