package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses manifests with fabric8's Kubernetes API types, strictly. The types keep unknown fields in
 * {@code additionalProperties} instead of failing, so after the parse the whole object tree is walked and any
 * non-empty {@code additionalProperties} fails with its path: a misspelt or misplaced field cannot pass.
 */
final class StrictKubernetes {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper TYPES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "Secret", Secret.class);

    private StrictKubernetes() {
    }

    /** Every document of a multi-document YAML text, parsed into its API type and checked for unknown fields. */
    static List<HasMetadata> parse(String yaml) throws Exception {
        List<HasMetadata> out = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                String kind = doc.path("kind").asText();
                assertThat(KINDS).as("kind of %s", doc).containsKey(kind);
                HasMetadata resource = TYPES.treeToValue(doc, KINDS.get(kind));
                assertThat(resource.getApiVersion()).isEqualTo(kind.equals("Deployment") ? "apps/v1" : "v1");
                List<String> unknown = new ArrayList<>();
                walk(resource, kind, unknown, new IdentityHashMap<>());
                assertThat(unknown).as("fields the Kubernetes API does not have").isEmpty();
                out.add(resource);
            }
        }
        return out;
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen)
            throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = m.invoke(value);
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + m.getName().substring(3), unknown, seen);
        }
    }
}
