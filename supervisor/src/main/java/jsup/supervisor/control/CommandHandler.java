package jsup.supervisor.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers one control request. Called on the connection's own thread; several calls may run at once.
 * The server turns a {@link ControlException} into an error response with its code, and any other
 * exception into {@link ErrorCode#INTERNAL}.
 */
@FunctionalInterface
public interface CommandHandler {

    /** Returns the {@code result} object of a successful response. */
    JsonNode handle(ControlRequest request) throws ControlException;
}
