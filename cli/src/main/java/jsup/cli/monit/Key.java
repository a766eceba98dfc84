package jsup.cli.monit;

/** One key press, decoded from the terminal's bytes. {@code ch} is set for {@link Kind#CHAR} only. */
public record Key(Kind kind, char ch) {

    /** What was pressed. */
    public enum Kind { UP, DOWN, CHAR, ENTER, ESCAPE, BACKSPACE, INTERRUPT }

    public static Key of(Kind kind) {
        return new Key(kind, '\0');
    }

    public static Key ch(char c) {
        return new Key(Kind.CHAR, c);
    }
}
