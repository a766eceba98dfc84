package jsup.gateway.app;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jsup.gateway.model.Availability;
import jsup.gateway.model.CatalogReport;
import jsup.gateway.model.ModelCatalogCheck;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;

/**
 * The latest check of model ids against the providers, and what it means for readiness: with no
 * usable provider the gateway is in offline mode, which is ready by design; otherwise it is ready
 * once at least one configured model is confirmed by its provider.
 */
final class ModelHealth {

    /** How {@link #notReady} starts while the first check of the current settings runs. */
    static final String CHECKING = "models: checking";

    private final ModelCatalogCheck check;
    private volatile CatalogReport report;
    private volatile ModelSettings checkedFor;

    ModelHealth(ModelCatalogCheck check) {
        this.check = check;
    }

    /** Checks {@code settings}' ids now (blocking: network calls with the check's timeout). */
    void checkNow(ModelSettings settings) throws InterruptedException {
        CatalogReport result = check.check(settings);
        report = result;
        checkedFor = settings;
    }

    static boolean offline(ModelSettings settings) {
        return settings.configuredModels().stream().map(settings::provider)
                .noneMatch(p -> p.map(ProviderSettings::usable).orElse(false));
    }

    /** Why models are not ready for {@code settings}, or empty when they are. */
    Optional<String> notReady(ModelSettings settings) {
        if (offline(settings)) {
            return Optional.empty();
        }
        CatalogReport r = report;
        if (r == null || !settings.equals(checkedFor)) {
            return Optional.of(CHECKING + " the configured model ids with the providers");
        }
        if (r.models().values().stream().anyMatch(a -> a.status() == Availability.Status.AVAILABLE)) {
            return Optional.empty();
        }
        if (!r.unreachableProviders().isEmpty()) {
            return Optional.of("models: cannot list models of " + r.unreachableProviders().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return Optional.of("models: no configured model is offered by its provider: " + r.unknownModels());
    }

    /** One line for {@code /status}. */
    String statusLine(ModelSettings settings) {
        if (offline(settings)) {
            return settings.chain().isEmpty() ? "Models: offline (no model configured)" : "Models: offline (no API key)";
        }
        CatalogReport r = report;
        if (r == null || !settings.equals(checkedFor)) {
            return "Models: checking ids with the providers";
        }
        return "Models: " + r.models().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Availability per model for {@code /api/status}. */
    Map<String, String> availability() {
        CatalogReport r = report;
        if (r == null) {
            return Map.of();
        }
        return r.models().entrySet().stream().collect(Collectors.toMap((Map.Entry<ModelRef, Availability> e) -> e.getKey().toString(),
                e -> e.getValue().toString(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
