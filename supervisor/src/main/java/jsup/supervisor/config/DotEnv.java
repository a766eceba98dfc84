package jsup.supervisor.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file ({@code env_file}): {@code KEY=VALUE} lines, blank lines and {@code #} comments, an optional
 * {@code export } prefix, values in single quotes (literal), double quotes ({@code \n}, {@code \t}, {@code \"},
 * {@code \\} escapes; may span lines) or bare (trimmed, cut at a {@code " #"} comment). No {@code $VAR} expansion.
 * Later lines win over earlier ones.
 */
final class DotEnv {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotEnv() {
    }

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file, the line number and the bad line
     */
    static Map<String, String> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = n + 1;
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw bad(file, lineNumber, lines.get(n), "is not KEY=VALUE (KEY: letters, digits, _ and .)");
            }
            String rest = line.substring(eq + 1).stripLeading();
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                char quote = rest.charAt(0);
                StringBuilder value = new StringBuilder();
                String tail = rest.substring(1);
                int startLine = lineNumber;
                while (true) {
                    int close = closingQuote(tail, quote);
                    if (close >= 0) {
                        value.append(tail, 0, close);
                        String after = tail.substring(close + 1).strip();
                        if (!after.isEmpty() && !after.startsWith("#")) {
                            throw bad(file, n + 1, lines.get(n), "has text after the closing " + quote);
                        }
                        break;
                    }
                    value.append(tail).append('\n');
                    n++;
                    if (n >= lines.size()) {
                        throw bad(file, startLine, lines.get(startLine - 1), "has an unclosed " + quote);
                    }
                    tail = lines.get(n);
                }
                values.put(key, quote == '"' ? unescape(value.toString()) : value.toString());
            } else {
                int comment = commentStart(rest);
                values.put(key, (comment < 0 ? rest : rest.substring(0, comment)).strip());
            }
        }
        return values;
    }

    private static int closingQuote(String text, char quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static int commentStart(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException bad(Path file, int line, String text, String why) {
        return new IllegalArgumentException(file + ":" + line + ": " + Values.quote(text.strip()) + " " + why);
    }
}
