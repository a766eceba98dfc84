package jsup.gateway.model;

import java.util.List;
import java.util.Map;

/**
 * The result of checking configured model ids against the providers' {@code /models} lists.
 *
 * @param models               every configured model with its availability, in config order
 * @param unreachableProviders provider name → why its list could not be read
 */
public record CatalogReport(Map<ModelRef, Availability> models, Map<String, String> unreachableProviders) {

    public CatalogReport {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        unreachableProviders = Map.copyOf(unreachableProviders);
    }

    /** The models the providers do not offer. */
    public List<ModelRef> unknownModels() {
        return models.entrySet().stream().filter(e -> e.getValue().status() == Availability.Status.UNKNOWN)
                .map(Map.Entry::getKey).toList();
    }
}
