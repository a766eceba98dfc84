package jsup.supervisor.config;

import jsup.supervisor.units.Sizes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of one JSON object's keys. Each read records the key as used, so what is left over afterwards
 * is unknown; each bad value becomes a problem at its path, and the read returns {@code null} (or the
 * default) so the caller carries on and finds the next problem.
 */
final class Fields {

    private static final Pattern NUMBER_TEXT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?\\s*");

    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> used = new HashSet<>();

    Fields(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Problems.join(path, key);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** The raw value, or {@code null} when absent or JSON null (YAML {@code key:} with nothing after it). */
    JsonNode take(String key) {
        used.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    void error(String key, String message) {
        problems.error(path(key), message);
    }

    void bad(String key, JsonNode value, String why) {
        problems.error(path(key), Values.show(value) + " " + why);
    }

    /** Keys of the object never read, in file order. */
    List<String> unusedKeys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!used.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    JsonNode peek(String key) {
        return node.get(key);
    }

    Iterable<Map.Entry<String, JsonNode>> entries() {
        return node::fields;
    }

    /** Reads the first of {@code keys} present; two present at once is an error (aliases such as script/exec). */
    String aliasOf(String... keys) {
        String found = null;
        used.addAll(List.of(keys));
        for (String key : keys) {
            if (has(key)) {
                if (found != null) {
                    error(key, "is the same key as " + found + "; give only one of them");
                } else {
                    found = key;
                }
            }
        }
        return found != null ? found : keys[0];
    }

    String text(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            bad(key, value, "is not a string; write it in quotes");
            return null;
        }
        return value.textValue();
    }

    String nonEmptyText(String key) {
        String text = text(key);
        if (text != null && text.isBlank()) {
            error(key, "is empty");
            return null;
        }
        return text;
    }

    boolean bool(String key, boolean defaultValue) {
        Boolean value = optionalBool(key);
        return value != null ? value : defaultValue;
    }

    Boolean optionalBool(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            bad(key, value, "is not a boolean; use true or false");
            return null;
        }
        return value.booleanValue();
    }

    Duration duration(String key, Duration defaultValue) {
        Duration value = optionalDuration(key);
        return value != null ? value : defaultValue;
    }

    Duration optionalDuration(String key) {
        JsonNode value = take(key);
        return value == null ? null : duration(key, value);
    }

    /** A duration value at {@code key}; the problem is recorded and {@code null} returned when it is bad. */
    Duration duration(String key, JsonNode value) {
        try {
            if (value.isNumber()) {
                return Durations.ofMillis(value.decimalValue());
            }
            if (value.isTextual()) {
                return Durations.parse(value.textValue());
            }
            bad(key, value, "is not a duration; " + Durations.ACCEPTED);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
        }
        return null;
    }

    long size(String key, long defaultValue) {
        JsonNode value = take(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                if (value.longValue() < 0) {
                    bad(key, value, "is negative; " + Sizes.ACCEPTED);
                    return defaultValue;
                }
                return value.longValue();
            }
            if (value.isTextual()) {
                return Sizes.parse(value.textValue());
            }
            bad(key, value, "is not a size; " + Sizes.ACCEPTED);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
        }
        return defaultValue;
    }

    int integer(String key, int defaultValue, int min, int max) {
        Integer value = optionalInteger(key, min, max);
        return value != null ? value : defaultValue;
    }

    Integer optionalInteger(String key, int min, int max) {
        JsonNode value = take(key);
        return value == null ? null : integer(key, value, min, max);
    }

    /** A whole number within [min, max], also given as a string as PM2 allows; {@code null} (with a problem recorded) otherwise. */
    Integer integer(String key, JsonNode value, int min, int max) {
        JsonNode numeric = numeric(value);
        if (!isWholeNumber(numeric)) {
            bad(key, value, "is not a whole number; use one from " + min + " to " + max);
            return null;
        }
        long number = numeric.decimalValue().longValue();
        if (number < min || number > max) {
            bad(key, value, "is out of range; use a whole number from " + min + " to " + max);
            return null;
        }
        return (int) number;
    }

    /**
     * PM2 reads a string where it expects a number as that number when JavaScript's {@code isNaN} says it is one
     * ({@code "max_restarts": "50"}); this takes decimal text only (with an exponent of at most 3 digits), so
     * {@code "0x10"} stays text.
     */
    static JsonNode numeric(JsonNode value) {
        if (value.isTextual() && NUMBER_TEXT.matcher(value.textValue()).matches()) {
            return DecimalNode.valueOf(new BigDecimal(value.textValue().strip()));
        }
        return value;
    }

    private static boolean isWholeNumber(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        try {
            value.decimalValue().stripTrailingZeros().longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /**
     * A list of words: a string split like a shell would (quotes honoured) or an array of strings and numbers.
     * Absent gives an empty list; a bad value gives {@code null}.
     */
    List<String> words(String key) {
        JsonNode value = take(key);
        return value == null ? List.of() : words(key, value);
    }

    List<String> words(String key, JsonNode value) {
        if (value.isTextual()) {
            try {
                return ShellWords.split(value.textValue());
            } catch (IllegalArgumentException e) {
                bad(key, value, e.getMessage() + "; close it, or give an array of strings");
                return null;
            }
        }
        if (value.isArray()) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode word = value.get(i);
                if (word.isTextual() || word.isNumber() || word.isBoolean()) {
                    words.add(word.asText());
                } else {
                    problems.error(path(key) + "[" + i + "]", Values.show(word) + " is not a string");
                    return null;
                }
            }
            return words;
        }
        bad(key, value, "is not a string or an array of strings");
        return null;
    }

    /** The elements of an array, or the value itself: keys that take one item or a list of them. */
    static List<JsonNode> oneOrMany(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    /** Warns about every key never read: PM2 keys jsup ignores (unless harmless) and unknown ones. */
    void warnUnused(List<String> known, boolean pm2App) {
        for (String key : unusedKeys()) {
            String reason = pm2App ? KeyCatalog.IGNORED_PM2_KEYS.get(key) : null;
            if (reason != null) {
                if (!KeyCatalog.harmless(key, node.get(key))) {
                    problems.warn(path(key), "PM2 key jsup ignores: " + reason);
                }
            } else {
                problems.warn(path(key), pm2App ? KeyCatalog.unknownAppKey(key) : KeyCatalog.unknown(key, known));
            }
        }
    }
}
