package jsup.supervisor.control;

/**
 * Why a request failed. The wire carries {@link #name()}; clients map codes to exit codes and
 * messages. Codes marked "client side" never travel on the wire: {@link ControlClient} raises them
 * when it cannot reach jsupd or jsupd does not answer.
 */
public enum ErrorCode {
    /** The line is not JSON, not an object, lacks {@code cmd}, or an argument has the wrong type. */
    BAD_REQUEST,
    /** The request's {@code v} is not a protocol version this jsupd speaks. */
    UNSUPPORTED_VERSION,
    /** {@code cmd} names no command. */
    UNKNOWN_COMMAND,
    /** The request line is longer than {@link ControlProtocol#MAX_REQUEST_BYTES}. */
    TOO_LARGE,
    /** The target names no app (by name, id or namespace). */
    UNKNOWN_APP,
    /** An ecosystem file, script or dump was refused; {@code problems} lists every problem. */
    INVALID_CONFIG,
    /** jsupd is stopping and takes no new work. */
    SHUTTING_DOWN,
    /** Too many connections at once; retry shortly. */
    BUSY,
    /** The connecting user is neither jsupd's own nor root ({@code SO_PEERCRED}); the connection is closed. */
    FORBIDDEN,
    /** A bug or an unexpected failure inside jsupd; the message says what, jsupd.log says more. */
    INTERNAL,
    /** Client side: no jsupd listens on the socket (not started, or it died). */
    DAEMON_UNREACHABLE,
    /** Client side: jsupd accepted the request but did not answer in time. */
    TIMEOUT;

    /** Parses a code from the wire; a code this client does not know (a newer jsupd) maps to {@link #INTERNAL}. */
    public static ErrorCode fromWire(String code) {
        if (code != null) {
            for (ErrorCode c : values()) {
                if (c.name().equals(code)) {
                    return c;
                }
            }
        }
        return INTERNAL;
    }
}
