package jsup.gateway.model;

/** The result of asking one model once. */
public sealed interface ModelOutcome {

    /** The model answered. */
    record Answered(String text) implements ModelOutcome {
    }

    /**
     * The call failed.
     *
     * @param kind   why, which also decides whether the chain moves on
     * @param detail what the provider said (HTTP status and error message), secrets masked
     */
    record Failed(FailureKind kind, String detail) implements ModelOutcome {
    }
}
