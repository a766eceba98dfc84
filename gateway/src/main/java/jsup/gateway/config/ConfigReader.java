package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jsup.gateway.model.ClosestMatch;
import jsup.supervisor.units.Sizes;

/**
 * Typed access to a JSON config tree that never stops at the first problem: each getter records
 * what is wrong under its path and returns empty, so one pass finds every problem. Values of
 * secret keys are never quoted in a message.
 */
final class ConfigReader {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    List<ConfigProblem> problems() {
        return problems;
    }

    List<ConfigProblem> warnings() {
        return warnings;
    }

    void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new ConfigProblem(path, message));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Warns about every key of {@code object} that is neither in {@code known} nor in
     * {@code upstreamOnly} (keys upstream moltbot reads and jsup's gateway does not).
     */
    void checkKeys(JsonNode object, String path, Set<String> known, Set<String> upstreamOnly) {
        if (!object.isObject()) {
            return;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (known.contains(key)) {
                continue;
            }
            if (upstreamOnly.contains(key)) {
                warn(join(path, key), "an upstream moltbot key that jsup's gateway does not use; ignored");
                continue;
            }
            String hint = ClosestMatch.among(key, known).map(k -> "; did you mean \"" + k + "\"?").orElse("");
            warn(join(path, key), "unknown key, ignored" + hint);
        }
    }

    /** The object under {@code key}, or a missing node when absent or (with a problem) not an object. */
    JsonNode object(JsonNode parent, String key, String path) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            problem(join(path, key), "expected an object { ... }, got " + describe(node, false));
            return MissingNode.getInstance();
        }
        return node;
    }

    Optional<String> string(JsonNode parent, String key, String path, boolean secret) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(join(path, key), "expected a string, got " + describe(node, secret));
            return Optional.empty();
        }
        String v = node.textValue();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    Optional<Boolean> bool(JsonNode parent, String key, String path) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(join(path, key), "expected true or false, got " + describe(node, false));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    Optional<Integer> integer(JsonNode parent, String key, String path, int min, int max) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Long value = null;
        if (node.isIntegralNumber()) {
            value = node.longValue();
        } else if (node.isTextual() && node.textValue().strip().matches("-?\\d{1,18}")) {
            value = Long.parseLong(node.textValue().strip()); // "${PORT}" substitutes to a string
        }
        if (value == null) {
            problem(join(path, key), "expected a whole number from " + min + " to " + max + ", got " + describe(node, false));
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(join(path, key), value + " is out of range; use a number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A size: a number of bytes or a string such as {@code "512K"}, {@code "1M"}, {@code "1G"} (K = 1024), within [min, max]. */
    Optional<Long> size(JsonNode parent, String key, String path, long min, long max) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String range = "; use a size from " + Sizes.format(min) + " to " + Sizes.format(max);
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual()) {
            try {
                value = Sizes.parse(node.textValue());
            } catch (IllegalArgumentException e) {
                problem(join(path, key), e.getMessage() + range);
                return Optional.empty();
            }
        } else {
            problem(join(path, key), "expected a size such as 1M or a number of bytes, got " + describe(node, false));
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(join(path, key), Sizes.format(Math.max(0, value)) + (value < 0 ? " is negative" : " is out of range") + range);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Double> number(JsonNode parent, String key, String path, double minExclusive, double max) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Double value = null;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.textValue().strip());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value.isNaN()) {
            problem(join(path, key), "expected a number, got " + describe(node, false));
            return Optional.empty();
        }
        if (value <= minExclusive || value > max) {
            problem(join(path, key), value + " is out of range; use a number above " + minExclusive + " and at most " + max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** One of {@code allowed} (case-insensitive), returned lower-case. */
    Optional<String> choice(JsonNode parent, String key, String path, List<String> allowed) {
        Optional<String> v = string(parent, key, path, false);
        if (v.isEmpty()) {
            return v;
        }
        String lower = v.get().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem(join(path, key), "\"" + v.get() + "\" is not allowed; use one of " + String.join(", ", allowed));
            return Optional.empty();
        }
        return Optional.of(lower);
    }

    /** Iterates an object's fields; records a problem when it is not an object. */
    Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return java.util.Collections.emptyIterator();
        }
        if (!node.isObject()) {
            problem(path, "expected an object { ... }, got " + describe(node, false));
            return java.util.Collections.emptyIterator();
        }
        return node.properties().iterator();
    }

    /** How a bad value is quoted in a message: its JSON text, or only its type for secrets. */
    static String describe(JsonNode node, boolean secret) {
        if (secret) {
            return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
