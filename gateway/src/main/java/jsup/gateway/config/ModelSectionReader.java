package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.model.TaskType;

/**
 * Reads {@code agents.defaults.{model,taskRouting,historyLimit,timeoutSeconds}} and
 * {@code models.providers}, and checks that every model reference names a known provider.
 */
final class ModelSectionReader {

    static final String OPENROUTER = "openrouter";
    static final String OFFLINE = "offline";

    private static final Set<String> AGENTS_KEYS = Set.of("defaults");
    private static final Set<String> AGENTS_UPSTREAM_ONLY = Set.of("list");
    private static final Set<String> DEFAULTS_KEYS = Set.of("model", "taskRouting", "historyLimit", "timeoutSeconds");
    private static final Set<String> DEFAULTS_UPSTREAM_ONLY = Set.of("models", "imageModel", "workspace", "maxConcurrent",
            "memorySearch", "heartbeat", "sandbox", "thinkingDefault", "verboseDefault", "elevatedDefault",
            "contextPruning", "compaction", "userTimezone", "blockStreamingDefault", "skipBootstrap", "subagents",
            "contextTokens", "typingMode", "mediaMaxMb", "humanDelay", "cliBackends", "timeFormat", "envelopeTimestamp");
    private static final Set<String> MODEL_KEYS = Set.of("primary", "fallbacks");
    private static final Set<String> MODELS_KEYS = Set.of("providers");
    private static final Set<String> MODELS_UPSTREAM_ONLY = Set.of("mode", "bedrockDiscovery");
    private static final Set<String> PROVIDER_KEYS = Set.of("baseUrl", "apiKey");
    private static final Set<String> PROVIDER_UPSTREAM_ONLY = Set.of("api", "models", "headers", "auth", "authHeader");

    private ModelSectionReader() {
    }

    static ModelSettings read(JsonNode root, Variables vars, ConfigReader r) {
        Map<String, ProviderSettings> providers = providers(root, vars, r);

        JsonNode agents = r.object(root, "agents", "");
        r.checkKeys(agents, "agents", AGENTS_KEYS, AGENTS_UPSTREAM_ONLY);
        JsonNode defaults = r.object(agents, "defaults", "agents");
        String path = "agents.defaults";
        r.checkKeys(defaults, path, DEFAULTS_KEYS, DEFAULTS_UPSTREAM_ONLY);

        List<ModelRef> chain = new ArrayList<>();
        JsonNode model = defaults.path("model");
        if (model.isTextual()) {
            ref(model.textValue(), path + ".model", providers, vars, r).ifPresent(chain::add);
        } else if (model.isObject()) {
            r.checkKeys(model, path + ".model", MODEL_KEYS, Set.of());
            r.string(model, "primary", path + ".model", false)
                    .flatMap(s -> ref(s, path + ".model.primary", providers, vars, r)).ifPresent(chain::add);
            JsonNode fallbacks = model.path("fallbacks");
            if (fallbacks.isArray()) {
                for (int i = 0; i < fallbacks.size(); i++) {
                    String at = path + ".model.fallbacks[" + i + "]";
                    JsonNode f = fallbacks.get(i);
                    if (!f.isTextual()) {
                        r.problem(at, "expected a model reference string such as \"openrouter/google/gemini-2.0-flash-001\", got " + f);
                        continue;
                    }
                    ref(f.textValue(), at, providers, vars, r).filter(m -> !chain.contains(m)).ifPresent(chain::add);
                }
            } else if (!fallbacks.isMissingNode() && !fallbacks.isNull()) {
                r.problem(path + ".model.fallbacks", "expected a list of model references");
            }
            if (chain.isEmpty() && !model.path("fallbacks").isMissingNode() && model.path("primary").isMissingNode()) {
                r.problem(path + ".model.primary", "missing; the fallbacks need a primary model to fall back from");
            }
        } else if (!model.isMissingNode() && !model.isNull()) {
            r.problem(path + ".model", "expected \"provider/model\" or { \"primary\": ..., \"fallbacks\": [...] }");
        }

        Map<TaskType, ModelRef> routing = new EnumMap<>(TaskType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(defaults.path("taskRouting"), path + ".taskRouting"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + ".taskRouting." + e.getKey();
            Optional<TaskType> type = TaskType.fromConfigKey(e.getKey());
            if (type.isEmpty()) {
                r.problem(at, "unknown task type; use fileAnalysis, creative, debugging, cli or general");
                continue;
            }
            if (!e.getValue().isTextual()) {
                r.problem(at, "expected a model reference string, got " + e.getValue());
                continue;
            }
            ref(e.getValue().textValue(), at, providers, vars, r).ifPresent(m -> routing.put(type.get(), m));
        }
        if (chain.isEmpty() && !routing.isEmpty()) {
            r.problem(path + ".model", "missing; task routing needs a primary model to fall back to");
        }

        int history = r.integer(defaults, "historyLimit", path, 0, 200).orElse(ModelSettings.DEFAULT_HISTORY_LIMIT);
        Duration timeout = r.number(defaults, "timeoutSeconds", path, 0, 3600)
                .map(s -> Duration.ofMillis(Math.round(s * 1000))).orElse(ModelSettings.DEFAULT_TIMEOUT);
        return new ModelSettings(chain, routing, providers, history, timeout);
    }

    private static Map<String, ProviderSettings> providers(JsonNode root, Variables vars, ConfigReader r) {
        JsonNode models = r.object(root, "models", "");
        r.checkKeys(models, "models", MODELS_KEYS, MODELS_UPSTREAM_ONLY);
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(models.path("providers"), "models.providers"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String path = "models.providers." + name;
            if (name.equals(OFFLINE)) {
                r.problem(path, "\"offline\" is the built-in no-key responder; name the provider something else");
                continue;
            }
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                r.problem(path, "provider names may use letters, digits, '.', '_' and '-' only");
                continue;
            }
            JsonNode p = e.getValue();
            if (!p.isObject()) {
                r.problem(path, "expected an object with baseUrl and apiKey");
                continue;
            }
            r.checkKeys(p, path, PROVIDER_KEYS, PROVIDER_UPSTREAM_ONLY);
            if (p.path("api").isTextual() && !p.path("api").textValue().equals("openai-completions")) {
                r.warn(path + ".api", "\"" + p.path("api").textValue() + "\" ignored: jsup's gateway speaks OpenAI-compatible chat completions");
            }
            URI base = r.string(p, "baseUrl", path, false).map(s -> TelegramSectionReader.httpUri(s, path + ".baseUrl", r))
                    .orElse(null);
            if (base == null && p.path("baseUrl").isMissingNode()) {
                if (name.equals(OPENROUTER)) {
                    base = ProviderSettings.OPENROUTER_BASE_URL;
                } else {
                    r.problem(path + ".baseUrl", "missing; give the OpenAI-compatible API root, for example https://api.openai.com/v1");
                }
            }
            String key = r.string(p, "apiKey", path, true).or(() -> vars.get(keyVariable(name))).orElse(null);
            if (base != null) {
                providers.put(name, new ProviderSettings(name, base, key));
            }
        }
        return providers;
    }

    /** A reference's provider must be configured, except {@code openrouter}, which is built in. */
    private static Optional<ModelRef> ref(String text, String path, Map<String, ProviderSettings> providers,
                                          Variables vars, ConfigReader r) {
        ModelRef ref;
        try {
            ref = ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            r.problem(path, e.getMessage());
            return Optional.empty();
        }
        if (!providers.containsKey(ref.provider())) {
            if (ref.provider().equals(OPENROUTER)) {
                providers.put(OPENROUTER, new ProviderSettings(OPENROUTER, ProviderSettings.OPENROUTER_BASE_URL,
                        vars.get(keyVariable(OPENROUTER)).orElse(null)));
            } else {
                r.problem(path, "provider \"" + ref.provider() + "\" of \"" + text + "\" is not configured; add it under "
                        + "models.providers, or, for an OpenRouter model, write openrouter/" + text);
                return Optional.empty();
            }
        }
        return Optional.of(ref);
    }

    /** The environment variable that supplies a provider's key when the config has none. */
    static String keyVariable(String provider) {
        return ProviderSettings.keyVariable(provider);
    }
}
