package jsup.cli.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.cli.CliContext;

/**
 * How many columns {@code jsup list} may use: {@code $COLUMNS} when set; else, when stdout is a
 * terminal, the width the {@code bin/jsup} launcher measured (system property {@value #PROPERTY},
 * no fork) or, run without the launcher, {@code stty size} on {@code /dev/tty}; else
 * {@link StatusTable#UNLIMITED} — piped output keeps every column for scripts.
 */
public final class TerminalWidth {

    /** Set by {@code bin/jsup} to the terminal's width when stdout is a terminal. */
    public static final String PROPERTY = "jsup.terminal.columns";

    private TerminalWidth() {
    }

    /** The width for this run: its environment, and whether stdout is a terminal. */
    public static int of(CliContext ctx) {
        return of(ctx.env(), System.console() != null);
    }

    /**
     * @param env      the environment ({@code COLUMNS})
     * @param terminal whether stdout is a terminal
     */
    public static int of(Map<String, String> env, boolean terminal) {
        int columns = parse(env.get("COLUMNS"));
        if (columns > 0) {
            return columns;
        }
        if (!terminal) {
            return StatusTable.UNLIMITED;
        }
        int measured = parse(System.getProperty(PROPERTY));
        return measured > 0 ? measured : stty();
    }

    /** A positive number of columns, or 0 for anything else. */
    static int parse(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The second number of {@code stty size} ("rows columns"), or unlimited when it cannot tell. */
    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return StatusTable.UNLIMITED;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                String said = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
                if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    return StatusTable.UNLIMITED;
                }
                String[] parts = said.split("\\s+");
                return parts.length == 2 ? parse(parts[1]) : StatusTable.UNLIMITED;
            }
        } catch (IOException e) {
            return StatusTable.UNLIMITED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StatusTable.UNLIMITED;
        }
    }
}
