package jsup.gateway.model;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every configured model id against its provider's {@code GET /models}, once per provider,
 * and warns about ids the provider does not offer with the closest id it does (the seed's
 * "Unknown model: openrouter/mistralai/mistral-devstral-2" would have been caught at start).
 */
public final class ModelCatalogCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalogCheck.class);

    private final ChatCompletionsClient client;
    private final Duration timeout;

    public ModelCatalogCheck(ChatCompletionsClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public CatalogReport check(ModelSettings settings) throws InterruptedException {
        Map<String, Set<String>> offered = new LinkedHashMap<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        List<ModelRef> configured = settings.configuredModels();
        for (ModelRef ref : configured) {
            String name = ref.provider();
            if (offered.containsKey(name) || unreachable.containsKey(name)) {
                continue;
            }
            ProviderSettings provider = settings.providers().get(name);
            if (provider == null || !provider.usable()) {
                unreachable.put(name, "no API key");
                continue;
            }
            try {
                offered.put(name, new HashSet<>(client.listModels(provider, timeout)));
            } catch (IOException e) {
                unreachable.put(name, e.getMessage());
                LOG.warn("cannot check model ids of provider {}: {}", name, e.getMessage());
            }
        }
        Map<ModelRef, Availability> result = new LinkedHashMap<>();
        for (ModelRef ref : configured) {
            Set<String> ids = offered.get(ref.provider());
            if (ids == null) {
                result.put(ref, new Availability(Availability.Status.UNCHECKED, unreachable.get(ref.provider())));
            } else if (ids.contains(ref.modelId())) {
                result.put(ref, new Availability(Availability.Status.AVAILABLE, ""));
            } else {
                String closest = ClosestMatch.among(ref.modelId(), ids).map(id -> ref.provider() + "/" + id).orElse("");
                result.put(ref, new Availability(Availability.Status.UNKNOWN, closest));
                LOG.warn("model {} is not offered by provider {}{}; calls to it will fail over to the next model", ref,
                        ref.provider(), closest.isEmpty() ? "" : " (closest valid id: " + closest + ")");
            }
        }
        return new CatalogReport(result, unreachable);
    }
}
