package jsup.gateway.model;

/**
 * Whether a configured model id is offered by its provider, as {@code GET /models} says.
 *
 * @param status  the verdict
 * @param detail  for {@link Status#UNKNOWN} the closest valid id (may be empty); for
 *                {@link Status#UNCHECKED} why the list could not be read
 */
public record Availability(Status status, String detail) {

    public enum Status {
        /** Listed by the provider. */
        AVAILABLE,
        /** Not listed: calls will fail with "unknown model" and the chain will move on. */
        UNKNOWN,
        /** The list could not be read (no key, unreachable, error). */
        UNCHECKED
    }

    @Override
    public String toString() {
        switch (status) {
            case AVAILABLE:
                return "available";
            case UNKNOWN:
                return detail.isEmpty() ? "unknown to the provider" : "unknown to the provider; closest valid id: " + detail;
            default:
                return "unchecked (" + detail + ")";
        }
    }
}
