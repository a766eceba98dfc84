package jsup.cli.monit;

import java.io.IOException;

/**
 * Turns a terminal's input characters into {@link Key}s: arrows arrive as {@code ESC [ A} (or
 * {@code ESC O A} in application mode), a lone ESC is the Escape key when nothing follows within a
 * moment. Sequences monit has no use for (other arrows, function keys) are swallowed.
 */
final class KeyDecoder {

    /** The characters, as JLine's non-blocking reader gives them. */
    interface Chars {
        /** The next character, {@link #TIMEOUT} when none came within {@code millis}, or -1 at the end. */
        int read(long millis) throws IOException;
    }

    static final int TIMEOUT = -2;

    /**
     * How long the rest of an escape sequence may take to arrive after its ESC. Generous: on a busy
     * machine the first arrow's bytes came more than 50 ms apart and read as Esc, O, B. A lone Esc
     * shows this much later, which nobody notices.
     */
    static final long SEQUENCE_MILLIS = 300;

    private final Chars chars;

    KeyDecoder(Chars chars) {
        this.chars = chars;
    }

    /**
     * The next key, waiting at most {@code millis}; null when none came (or a sequence monit ignores).
     *
     * @throws IOException when the input has ended (the terminal went away)
     */
    Key next(long millis) throws IOException {
        int c = chars.read(millis);
        if (c == TIMEOUT) {
            return null;
        }
        if (c < 0) {
            throw new IOException("the terminal's input ended");
        }
        return switch (c) {
            case 27 -> escape();
            case '\r', '\n' -> Key.of(Key.Kind.ENTER);
            case 127, 8 -> Key.of(Key.Kind.BACKSPACE);
            case 3, 4 -> Key.of(Key.Kind.INTERRUPT); // Ctrl-C, Ctrl-D: raw mode delivers them as bytes
            default -> Key.ch((char) c);
        };
    }

    private Key escape() throws IOException {
        int c = chars.read(SEQUENCE_MILLIS);
        if (c == TIMEOUT || c < 0) {
            return Key.of(Key.Kind.ESCAPE);
        }
        if (c != '[' && c != 'O') {
            return null; // Alt+key
        }
        while (true) {
            int f = chars.read(SEQUENCE_MILLIS);
            if (f == TIMEOUT || f < 0) {
                return null;
            }
            if (f >= '@' && f <= '~' && f != '[') { // the final byte of a CSI sequence
                return switch (f) {
                    case 'A' -> Key.of(Key.Kind.UP);
                    case 'B' -> Key.of(Key.Kind.DOWN);
                    default -> null;
                };
            }
        }
    }
}
