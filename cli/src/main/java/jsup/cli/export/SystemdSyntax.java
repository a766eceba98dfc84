package jsup.cli.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing values into systemd unit files (systemd.syntax(7), systemd.service(5)): {@code %} starts a specifier
 * everywhere, so it is doubled; {@code $} expands variables in command lines only, so it is doubled there; a
 * word with blanks, quotes, backslashes or control characters is double-quoted with C-style escapes.
 */
public final class SystemdSyntax {

    /** Runs an executable whose path systemd would refuse (see {@link #commandLine}). */
    static final String ENV = "/usr/bin/env";

    private SystemdSyntax() {
    }

    /** One command-line word ({@code ExecStart=} and friends): specifiers and variables escaped, quoted when needed. */
    public static String commandWord(String word) {
        return quoteIfNeeded(specifiers(word).replace("$", "$$"), word.isEmpty() || word.equals(";"));
    }

    /**
     * A whole command line. The executable is not subject to variable expansion, so its {@code $} stays single;
     * systemd refuses an executable path holding quotes, backslashes or control characters, so such a path is
     * run through {@code /usr/bin/env}, where it is an ordinary (quotable) argument. Every other word goes
     * through {@link #commandWord}.
     */
    public static String commandLine(List<String> argv) {
        List<String> words = new ArrayList<>(argv);
        String exe = words.get(0);
        StringBuilder line = new StringBuilder();
        if (exe.chars().anyMatch(c -> c == '"' || c == '\'' || c == '\\' || c < 0x20 || c == 0x7f)) {
            line.append(ENV);
        } else {
            line.append(quoteIfNeeded(specifiers(exe), false));
            words.remove(0);
        }
        for (String word : words) {
            line.append(' ').append(commandWord(word));
        }
        return line.toString();
    }

    /** One {@code Environment=} assignment {@code NAME=value}: specifiers escaped, quoted when needed. */
    public static String environment(String name, String value) {
        return quoteIfNeeded(specifiers(name + "=" + value), false);
    }

    /** A path setting's value ({@code WorkingDirectory=}, {@code append:}): taken verbatim but for specifiers. */
    public static String path(String path) {
        return specifiers(path);
    }

    /** Text where only specifiers expand ({@code Description=}). */
    public static String specifiers(String text) {
        return text.replace("%", "%%");
    }

    /**
     * A unit name for an app: letters, digits and {@code : _ . -} stay, every other byte becomes {@code \xNN}
     * (as {@code systemd-escape} writes it), so {@code my app} becomes {@code my\x20app}.
     */
    public static String unitName(String appName) {
        StringBuilder name = new StringBuilder();
        byte[] bytes = appName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b < 0x80 && (Character.isLetterOrDigit(b) || b == ':' || b == '_' || b == '-'
                    || (b == '.' && i > 0));
            name.append(plain ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return name.toString();
    }

    private static String quoteIfNeeded(String escaped, boolean force) {
        boolean needsQuotes = force || escaped.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20
                || c == 0x7f || c == '"' || c == '\'' || c == '\\');
        if (!needsQuotes) {
            return escaped;
        }
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            switch (c) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
