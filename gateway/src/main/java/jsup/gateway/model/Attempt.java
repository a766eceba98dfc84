package jsup.gateway.model;

/**
 * One step of the fallback chain.
 *
 * @param model   the model tried
 * @param failure why it failed, or null when it answered
 * @param detail  what the provider said, secrets masked; empty when it answered
 */
public record Attempt(ModelRef model, FailureKind failure, String detail) {

    public boolean answered() {
        return failure == null;
    }

    @Override
    public String toString() {
        return answered() ? model + " answered" : model + " (" + failure.label() + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }
}
