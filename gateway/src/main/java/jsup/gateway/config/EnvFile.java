package jsup.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dotenv file: {@code KEY=value} lines, {@code #} comments, an optional {@code export} prefix,
 * values optionally in single or double quotes (double quotes understand {@code \n}). The
 * gateway reads the one beside its config; the process environment wins over it, as upstream's
 * dotenv does with {@code override:false}.
 */
public final class EnvFile {

    private EnvFile() {
    }

    /** The variables in {@code file}; empty when it does not exist. */
    public static Map<String, String> load(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Map.of();
        }
    }

    /** Parses dotenv text; lines that are not {@code KEY=value} are skipped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            vars.put(key, value(line.substring(eq + 1).strip()));
        }
        return vars;
    }

    private static String value(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"') {
            int end = v.lastIndexOf('"');
            if (end > 0) {
                return v.substring(1, end).replace("\\n", "\n").replace("\\\"", "\"");
            }
        }
        if (v.length() >= 2 && v.charAt(0) == '\'') {
            int end = v.lastIndexOf('\'');
            if (end > 0) {
                return v.substring(1, end);
            }
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}
