package jsup.supervisor.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/** Constants of the control protocol that both ends share. See {@code docs/control-protocol.md}. */
public final class ControlProtocol {

    /** The protocol version this code speaks; requests and responses carry it as {@code v}. */
    public static final int VERSION = 1;

    /** The longest request line jsupd reads (1 MiB, without the newline); longer ones get TOO_LARGE. */
    public static final int MAX_REQUEST_BYTES = 1 << 20;

    /** The longest response line a client reads (64 MiB: a list of many apps with full histories). */
    public static final int MAX_RESPONSE_BYTES = 64 << 20;

    /** The socket's file name inside {@code $JSUP_HOME}. */
    public static final String SOCKET_FILE = "jsup.sock";

    /** The longest Unix socket path Linux accepts: {@code sun_path} is 108 bytes with the closing NUL. */
    public static final int MAX_SOCKET_PATH_BYTES = 107;

    private ControlProtocol() {
    }

    /** The socket of the jsupd that owns {@code jsupHome}. */
    public static Path socketPath(Path jsupHome) {
        return jsupHome.resolve(SOCKET_FILE);
    }

    /** One shared, thread-safe mapper, created on first use. */
    static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
