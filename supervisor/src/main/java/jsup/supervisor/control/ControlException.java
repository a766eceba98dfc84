package jsup.supervisor.control;

import java.util.List;

/**
 * A failed control request: jsupd answered with an error, or could not be reached. Carries the error
 * code, a message meant for people, and for {@link ErrorCode#INVALID_CONFIG} every config problem.
 */
public class ControlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One problem of a refused config, e.g. path {@code apps[0].max_memory_restart}. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path == null || path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final ErrorCode code;
    private final transient List<Problem> problems;

    public ControlException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ControlException(ErrorCode code, String message, List<Problem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ControlException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.problems = List.of();
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
