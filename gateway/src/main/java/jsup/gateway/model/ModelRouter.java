package jsup.gateway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.gateway.logging.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one message with a model: classifies it, picks the first model (the chat's own choice,
 * else the task type's route, else the primary), then walks the chain, moving on after every
 * failover-worthy failure (auth, billing, rate limit, timeout, 5xx, connection and unknown model)
 * and logging each step with its reason. Falls back to the {@link OfflineResponder} when no model
 * can be called at all.
 */
public final class ModelRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRouter.class);

    private final ChatCompletionsClient client;
    private final TaskClassifier classifier = new TaskClassifier();

    public ModelRouter(ChatCompletionsClient client) {
        this.client = client;
    }

    /**
     * @param settings     the model settings in force
     * @param chosen       the chat's own model choice ({@code /model}), or null
     * @param history      earlier turns of this chat, oldest first
     * @param text         the new message
     * @param commandsHelp the commands named in an offline reply
     */
    public ModelAnswer answer(ModelSettings settings, ModelRef chosen, List<ChatMessage> history, String text,
                              String commandsHelp) throws InterruptedException {
        TaskType type = classifier.classify(text);
        ModelRef first = chosen != null ? chosen : settings.taskRouting().get(type);
        List<ModelRef> candidates = settings.candidates(first);
        if (candidates.isEmpty()) {
            return offline("no model is configured (agents.defaults.model)", type, commandsHelp);
        }
        if (candidates.stream().map(settings::provider).noneMatch(p -> p.map(ProviderSettings::usable).orElse(false))) {
            return offline("no API key is set for " + providersOf(candidates), type, commandsHelp);
        }

        List<ChatMessage> messages = new ArrayList<>(history);
        messages.add(ChatMessage.user(text));
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ModelRef model = candidates.get(i);
            String next = i + 1 < candidates.size() ? "; falling back to " + candidates.get(i + 1) : "; no more models to try";
            Optional<ProviderSettings> provider = settings.provider(model);
            if (provider.isEmpty() || !provider.get().usable()) {
                attempts.add(new Attempt(model, FailureKind.NO_KEY, "provider " + model.provider() + " has no API key"));
                LOG.warn("model {} skipped (task {}): provider {} has no API key{}", model, type.configKey(), model.provider(), next);
                continue;
            }
            ModelOutcome outcome = client.complete(provider.get(), model.modelId(), messages, settings.timeout());
            if (outcome instanceof ModelOutcome.Answered answered) {
                attempts.add(new Attempt(model, null, ""));
                if (i == 0) {
                    LOG.info("model {} answered (task {})", model, type.configKey());
                } else {
                    LOG.info("model {} answered (task {}) after {} failed attempt(s)", model, type.configKey(), i);
                }
                return new ModelAnswer(answered.text(), model.toString(), type, attempts, true);
            }
            ModelOutcome.Failed failed = (ModelOutcome.Failed) outcome;
            attempts.add(new Attempt(model, failed.kind(), failed.detail()));
            if (!failed.kind().failsOver()) {
                LOG.warn("model {} failed (task {}): {} ({}); not falling back: another model would get the same request",
                        model, type.configKey(), failed.kind().label(), failed.detail());
                break;
            }
            LOG.warn("model {} failed (task {}): {} ({}){}", model, type.configKey(), failed.kind().label(), failed.detail(), next);
        }
        StringBuilder reply = new StringBuilder("⚠️ No model could answer. Tried:");
        for (Attempt a : attempts) {
            reply.append("\n- ").append(a);
        }
        return new ModelAnswer(Secrets.redact(reply.toString()), "none", type, attempts, false);
    }

    private static ModelAnswer offline(String reason, TaskType type, String commandsHelp) {
        LOG.info("offline reply (task {}): {}", type.configKey(), reason);
        return new ModelAnswer(OfflineResponder.reply(reason, commandsHelp), OfflineResponder.LABEL, type, List.of(), false);
    }

    private static String providersOf(List<ModelRef> candidates) {
        return String.join(", ", candidates.stream().map(ModelRef::provider).distinct().toList());
    }
}
