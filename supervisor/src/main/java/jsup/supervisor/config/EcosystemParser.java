package jsup.supervisor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns an ecosystem file's text into a tree: PM2's JSON dialect or YAML. A syntax error becomes one problem
 * naming line, column and a short reason, never the parser's own location dump.
 */
final class EcosystemParser {

    /**
     * PM2 evaluates a {@code .json} file as a JavaScript object literal ({@code Common.parseConfig}), so real files
     * carry what JavaScript allows there: comments, trailing commas, unquoted keys, single quotes. Duplicate keys
     * stay an error (JavaScript keeps the last one silently; that is almost always a mistake).
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson quotes where an unclosed object began, with its whole source description; keep line and column. */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source:[^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source:[^\\]]*\\]");
    private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");

    private EcosystemParser() {
    }

    /**
     * Reads {@code file}: JSON for {@code .json}/{@code .json5}, YAML for {@code .yaml}/{@code .yml}, otherwise JSON
     * when it starts with {@code {} or {@code [}, else YAML.
     *
     * @return the tree, or a missing node for an empty file
     */
    static JsonNode read(Path file) throws ConfigException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(file, "cannot be read: " + e);
        }
        boolean json = lower.endsWith(".json") || lower.endsWith(".json5")
                || (!lower.endsWith(".yaml") && !lower.endsWith(".yml") && startsLikeJson(bytes));
        try {
            JsonNode root = (json ? JSON : YAML).readTree(bytes);
            return root == null ? JSON.missingNode() : root;
        } catch (JsonProcessingException e) {
            throw single(file, syntaxError(e, json));
        } catch (IOException e) {
            throw single(file, "cannot be read: " + e);
        }
    }

    private static boolean startsLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** "JSON syntax error at line 3, column 7: ..." with the parser's explanation, shortened to one line. */
    static String syntaxError(JsonProcessingException e, boolean json) {
        JsonLocation where = e.getLocation();
        int line = where == null ? -1 : where.getLineNr();
        int column = where == null ? -1 : where.getColumnNr();
        String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            // SnakeYAML's message is several lines with code excerpts; its parts read better joined.
            detail = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
            if (yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
                column = yaml.getProblemMark().getColumn() + 1;
            }
        }
        detail = detail.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(detail);
        return (json ? "JSON" : "YAML") + " syntax error" + (line < 1 ? "" : " at line " + line + ", column " + column)
                + ": " + shortReason(detail);
    }

    /** Drops Jackson's {@code [Source: …]} dumps and character codes; an unclosed object's start stays as line/column. */
    static String shortReason(String detail) {
        Matcher start = START_MARKER.matcher(detail);
        String text = start.find()
                ? detail.substring(0, start.start()) + " (opened at line " + start.group(1) + ", column "
                        + start.group(2) + ")" + detail.substring(start.end())
                : detail;
        text = SOURCE.matcher(text).replaceAll("");
        return CHAR_CODE.matcher(text).replaceAll("").strip();
    }

    static ConfigException single(Path file, String message) {
        return new ConfigException(file.toString(), List.of(new ConfigProblem("", message)));
    }
}
