package jsup.cli.monit;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * The real terminal, through JLine: raw mode, the alternate screen, no cursor, keys, and the size
 * (read at start and again only when SIGWINCH says it changed: the exec provider forks {@code stty}
 * for each reading). {@link #close()} gives the person their terminal back as it was, and a shutdown
 * hook does the same when monit is killed.
 */
final class MonitTerminal implements AutoCloseable {

    private final Terminal terminal;
    private final Attributes saved;
    private final KeyDecoder keys;
    private final Thread restoreOnExit;
    private volatile Size size;
    private volatile boolean resized = true;
    private boolean closed;

    private MonitTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.keys = new KeyDecoder(millis -> terminal.reader().read(millis));
        this.size = terminal.getSize();
        terminal.handle(Terminal.Signal.WINCH, signal -> {
            size = terminal.getSize();
            resized = true;
        });
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        restoreOnExit = new Thread(this::restore, "jsup-monit-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Takes over the process's terminal. */
    static MonitTerminal open() throws IOException {
        // exec: stty for raw mode and size; no native library to unpack (Java 17 has no FFM).
        Terminal t = TerminalBuilder.builder().system(true).nativeSignals(true)
                .jni(false).ffm(false).exec(true).dumb(false).build();
        return new MonitTerminal(t);
    }

    int width() {
        return Math.max(1, size.getColumns());
    }

    int height() {
        return Math.max(1, size.getRows());
    }

    /** True once after each resize (and at the start): the next frame clears the screen first. */
    boolean takeResized() {
        boolean r = resized;
        resized = false;
        return r;
    }

    /** The next key within {@code millis}, or null. */
    Key readKey(long millis) throws IOException {
        return keys.next(millis);
    }

    /** Draws {@code lines} from the top-left corner, each line's rest erased; the last line has no newline (no scroll). */
    void draw(List<String> lines, boolean clear) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append(clear ? "\u001b[H\u001b[2J" : "\u001b[H");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i)).append("\u001b[0m\u001b[K");
            if (i < lines.size() - 1) {
                sb.append("\r\n");
            }
        }
        PrintWriter w = terminal.writer();
        w.write(sb.toString());
        w.flush();
    }

    @Override
    public void close() throws IOException {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        terminal.close();
    }

    private synchronized void restore() {
        if (closed) {
            return;
        }
        closed = true;
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
        terminal.setAttributes(saved);
    }
}
