package jsup.gateway.ops;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What the gateway's ops commands need from jsupd. Implementations are thread-safe. */
public interface SupervisorLink {

    /** Whether jsupd answers right now. */
    boolean reachable();

    /** Why jsupd cannot be asked, for replies such as "jsupd not reachable: ..." (empty when reachable). */
    String unreachableReason();

    /** The supervised apps as {@code jsup list} shows them, or empty when jsupd is not reachable. */
    Optional<String> statusTable();

    /**
     * The last {@code lines} lines of {@code app}'s output.
     *
     * @throws IOException when jsupd is not reachable or does not know {@code app} (the message says which)
     */
    List<String> logTail(String app, int lines) throws IOException;

    /**
     * Asks jsupd to restart {@code app}.
     *
     * @throws IOException when jsupd is not reachable or refuses (the message says why)
     */
    void restart(String app) throws IOException;
}
