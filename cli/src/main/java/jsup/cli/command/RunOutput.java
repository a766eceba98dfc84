package jsup.cli.command;

import java.time.Instant;
import jsup.cli.logs.LogLine;

/**
 * Where {@code jsup run} prints: the apps' output lines and its own events (status changes, signals,
 * stopping). {@link TextRunOutput} for people, {@link JsonRunOutput} ({@code --json}) for log shippers.
 * Called from several threads (the main loop, the engine's listener, signal handlers): implementations
 * print each line whole.
 */
interface RunOutput {

    /** One line an app wrote to its stdout or stderr. */
    void appLine(LogLine line);

    /**
     * One event of jsup's own.
     *
     * @param app the app it is about, or null for the whole run
     */
    void event(Instant at, String app, String text);

    /** Something the user should fix or know (a config warning, a signal jsup cannot handle). */
    void warning(String text);

    /** A status change of {@code app}: {@code from} is null for the first. */
    void transition(Instant at, String app, String from, String to, String reason);

    /** {@code launching → online (pid 42)}: a status change as text; {@code to} may carry colour. */
    static String change(String from, String to, String reason) {
        return (from == null ? "-" : from) + " → " + to + (reason == null ? "" : " (" + reason + ")");
    }
}
