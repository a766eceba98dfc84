package jsup.cli.doctor;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import jsup.cli.render.Ansi;

/**
 * The pass and fail marks of {@code jsup doctor} and {@code jsup health}: ✓ and ✗, or {@code ok} and
 * {@code FAIL} when standard output cannot encode them (an ASCII locale would print {@code ?}).
 */
public final class Marks {

    private static final String PASS = "\u2713";
    private static final String FAIL = "\u2717";

    private final boolean unicode;
    private final Ansi ansi;

    private Marks(boolean unicode, Ansi ansi) {
        this.unicode = unicode;
        this.ansi = ansi;
    }

    /** Marks for a stream encoded with {@code charset}. */
    public static Marks forCharset(Charset charset, Ansi ansi) {
        return new Marks(charset.newEncoder().canEncode(PASS + FAIL), ansi);
    }

    /** Marks for this JVM's standard output. */
    public static Marks forStdout(Ansi ansi) {
        return forCharset(stdoutCharset(), ansi);
    }

    public String pass() {
        return ansi.green(unicode ? PASS : "ok");
    }

    public String fail() {
        return ansi.red(unicode ? FAIL : "FAIL");
    }

    public String of(boolean ok) {
        return ok ? pass() : fail();
    }

    /**
     * What System.out encodes with: {@code stdout.encoding} (Java 19+), {@code sun.stdout.encoding}
     * (a Java 17 console), else the default charset, which Java 17 takes from the locale.
     */
    static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && !name.isBlank()) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // An unknown name: fall through to the default charset.
                }
            }
        }
        return Charset.defaultCharset();
    }
}
