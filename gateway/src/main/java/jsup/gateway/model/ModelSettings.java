package jsup.gateway.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the model side needs from the config, validated.
 *
 * @param chain        primary first, then the fallbacks in order; empty when no model is configured
 * @param taskRouting  the model each task type goes to first; a type not listed starts at the primary
 * @param providers    the providers by name, including the built-in {@code openrouter} when used
 * @param historyLimit how many earlier messages of a chat are sent along (user and assistant turns)
 * @param timeout      the longest wait for one model's answer before falling back
 */
public record ModelSettings(List<ModelRef> chain, Map<TaskType, ModelRef> taskRouting,
                            Map<String, ProviderSettings> providers, int historyLimit, Duration timeout) {

    public static final int DEFAULT_HISTORY_LIMIT = 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ModelSettings {
        chain = List.copyOf(chain);
        taskRouting = Map.copyOf(taskRouting);
        providers = Map.copyOf(providers);
    }

    public Optional<ModelRef> primary() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** Every model the config names, primary first, then fallbacks, then routing-only models. */
    public List<ModelRef> configuredModels() {
        Set<ModelRef> all = new LinkedHashSet<>(chain);
        for (TaskType type : TaskType.values()) {
            ModelRef routed = taskRouting.get(type);
            if (routed != null) {
                all.add(routed);
            }
        }
        return new ArrayList<>(all);
    }

    /** The order in which models are tried: {@code first} (when given), then the chain, without repeats. */
    public List<ModelRef> candidates(ModelRef first) {
        Set<ModelRef> ordered = new LinkedHashSet<>();
        if (first != null) {
            ordered.add(first);
        }
        ordered.addAll(chain);
        return new ArrayList<>(ordered);
    }

    public Optional<ProviderSettings> provider(ModelRef ref) {
        return Optional.ofNullable(providers.get(ref.provider()));
    }
}
