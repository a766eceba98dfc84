package jsup.gateway.model;

import java.util.List;

/**
 * What the router produced for one message.
 *
 * @param text     the reply to show (a model's answer, the offline notice, or what went wrong)
 * @param model    who produced it: a model reference, {@code "offline"}, or {@code "none"} when every model failed
 * @param taskType how the message was classified
 * @param attempts every model tried, in order, with why it failed
 * @param answered whether a model answered (false for offline and for total failure)
 */
public record ModelAnswer(String text, String model, TaskType taskType, List<Attempt> attempts, boolean answered) {

    public ModelAnswer {
        attempts = List.copyOf(attempts);
    }
}
