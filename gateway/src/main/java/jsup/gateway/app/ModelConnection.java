package jsup.gateway.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;

/**
 * Whether a model is connected, in the words the web chat's first screen shows, and when it is
 * not, how to connect one: which config key or environment variable to set. Names keys and
 * variables, never their values.
 */
final class ModelConnection {

    /** What a newcomer reads about connecting a model. */
    static final String DOCS = "docs/gateway.md (agents.defaults and models.providers)";

    enum State { CONNECTED, CHECKING, FAILING, NO_KEY, NOT_CONFIGURED }

    private ModelConnection() {
    }

    /** The {@code models} fields of {@code /api/status} beyond the chain: state, detail and how to connect. */
    static Map<String, Object> describe(ModelSettings settings, Optional<String> notReady, Path config) {
        State state = state(settings, notReady);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connected", state == State.CONNECTED);
        out.put("state", state.name().toLowerCase().replace('_', ' '));
        detail(state, settings, notReady).ifPresent(d -> out.put("detail", Secrets.redact(d)));
        howToConnect(state, settings, config).ifPresent(h -> {
            out.put("howToConnect", h);
            out.put("docs", DOCS);
        });
        return out;
    }

    static State state(ModelSettings settings, Optional<String> notReady) {
        if (settings.chain().isEmpty()) {
            return State.NOT_CONFIGURED;
        }
        if (ModelHealth.offline(settings)) {
            return State.NO_KEY;
        }
        if (notReady.isEmpty()) {
            return State.CONNECTED;
        }
        return notReady.get().startsWith(ModelHealth.CHECKING) ? State.CHECKING : State.FAILING;
    }

    private static Optional<String> detail(State state, ModelSettings settings, Optional<String> notReady) {
        switch (state) {
            case CONNECTED:
            case NO_KEY:
                return Optional.of("primary " + settings.chain().get(0)
                        + (settings.chain().size() > 1 ? ", " + (settings.chain().size() - 1) + " fallback(s)" : ""));
            case CHECKING:
            case FAILING:
                return notReady.map(n -> n.startsWith("models: ") ? n.substring("models: ".length()) : n);
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> howToConnect(State state, ModelSettings settings, Path config) {
        switch (state) {
            case NOT_CONFIGURED:
                return Optional.of("Set agents.defaults.model in " + config + " (for example \"openrouter/google/gemini-2.0-flash-001\") "
                        + "and OPENROUTER_API_KEY in the .env file beside it; the gateway picks up both files by itself.");
            case NO_KEY: {
                List<String> variables = settings.configuredModels().stream().map(ModelRef::provider).distinct()
                        .map(p -> "models.providers." + p + ".apiKey or " + ProviderSettings.keyVariable(p)).toList();
                return Optional.of("Set an API key: " + String.join("; ", variables) + ". In the .env file beside " + config
                        + " it is picked up by itself; in the gateway's environment it needs a restart.");
            }
            case FAILING:
                return Optional.of("Check the key and the model ids (models status --config " + config + " --check lists what "
                        + "each provider offers); the gateway checks again every minute and after each config change.");
            default:
                return Optional.empty();
        }
    }
}
