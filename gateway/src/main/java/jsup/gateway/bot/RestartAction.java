package jsup.gateway.bot;

/**
 * What {@code /restart} does once its reply is on its way: the gateway asks jsupd to restart it,
 * or exits so its supervisor starts it again. A seam so tests can record the request instead.
 */
@FunctionalInterface
public interface RestartAction {

    /** Starts the restart; returns at once (the reply is sent first). */
    void restartSoon(String requestedBy);
}
