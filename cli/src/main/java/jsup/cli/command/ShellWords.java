package jsup.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell would, without expanding anything: blanks
 * separate words; single quotes keep everything; double quotes keep everything but {@code \"} and
 * {@code \\}; a backslash outside quotes keeps the next character.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** @throws IllegalArgumentException when a quote is not closed */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = closing(line, i);
                if (close < 0) {
                    throw new IllegalArgumentException("the " + (c == '\'' ? "single" : "double") + " quote at "
                            + "character " + (i + 1) + " of \"" + line + "\" is not closed");
                }
                String quoted = line.substring(i + 1, close);
                word.append(c == '"' ? quoted.replaceAll("\\\\([\"\\\\$`])", "$1") : quoted);
                inWord = true;
                i = close;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The index of the quote closing the one at {@code open}, or -1. */
    private static int closing(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code text} holds a blank, so it is a command line rather than one program. */
    static boolean isCommandLine(String text) {
        return text.chars().anyMatch(Character::isWhitespace);
    }
}
