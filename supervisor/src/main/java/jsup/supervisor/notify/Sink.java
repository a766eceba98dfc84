package jsup.supervisor.notify;

import java.io.IOException;
import java.util.List;

/**
 * Sends notifications to one place. {@link #send} blocks at most the sink's timeout per attempt and
 * runs on a delivery thread, never the engine's. Implementations are values: two apps naming the same
 * place share one sink (and one delivery thread).
 */
interface Sink {

    /** What logs and {@code jsup notify test} call it; never a secret (no token, no webhook path). */
    String label();

    /** @throws IOException with a reason that names no secret */
    void send(NotifyEvent event) throws IOException;

    /** The secrets this sink holds, masked in every reason it reports. */
    List<String> secrets();

    /** {@code text} with every secret of this sink replaced by a mask. */
    default String redact(String text) {
        String out = text == null ? "" : text;
        for (String secret : secrets()) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "••••");
            }
        }
        return out;
    }
}
