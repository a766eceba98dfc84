package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.IntSupplier;

/**
 * Reads {@code instances} (a number, {@code "max"} for one per core, or PM2's negative number: cores minus
 * that many), {@code increment_var} and {@code instance_var}.
 */
final class InstancesReader {

    /** More copies than this is a typo, not a deployment. */
    static final int MAX_INSTANCES = 1024;
    private static final String ACCEPTED = "use a whole number from 1 to " + MAX_INSTANCES
            + ", \"max\" (one per core) or a negative number (cores minus that many)";

    private InstancesReader() {
    }

    /** The app's instances spec (id 0); problems are recorded in {@code f}. */
    static InstancesSpec read(Fields f, java.util.Map<String, String> env, IntSupplier cores) {
        int count = count(f, cores);
        String incrementVar = variable(f, "increment_var");
        String instanceVar = variable(f, "instance_var");
        if (incrementVar != null && !isNumber(env.get(incrementVar))) {
            f.error("increment_var", Values.quote(incrementVar) + " needs a number to raise, but env."
                    + incrementVar + " is " + (env.get(incrementVar) == null ? "not set"
                    : Values.quote(env.get(incrementVar))) + "; set it in env, e.g. \"" + incrementVar + "\": \"3000\"");
            incrementVar = null;
        }
        return new InstancesSpec(count, 0, incrementVar, instanceVar);
    }

    /** {@code instances} as a count of copies. */
    static int count(Fields f, IntSupplier cores) {
        JsonNode value = f.take("instances");
        if (value == null) {
            return 1;
        }
        Integer parsed = parse(value, cores.getAsInt());
        if (parsed == null) {
            f.bad("instances", value, "is not a number or \"max\"; " + ACCEPTED);
            return 1;
        }
        return parsed;
    }

    /**
     * A count from {@code instances} or {@code jsup start -i}: {@code 3}, {@code "max"} (or PM2's {@code 0}),
     * {@code -1} (cores minus one, at least one); {@code null} when it is none of these.
     */
    static Integer parse(JsonNode value, int cores) {
        if (value.isTextual() && value.textValue().strip().equalsIgnoreCase("max")) {
            return cores;
        }
        JsonNode n = Fields.numeric(value);
        if (!n.isIntegralNumber() && !(n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0)) {
            return null;
        }
        long v = n.decimalValue().longValue();
        if (v > MAX_INSTANCES || v < -MAX_INSTANCES) {
            return null;
        }
        return v == 0 ? cores : v < 0 ? (int) Math.max(1, cores + v) : (int) v;
    }

    private static String variable(Fields f, String key) {
        String text = f.nonEmptyText(key);
        if (text != null && !text.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            f.error(key, Values.quote(text) + " is not an environment variable name; use letters, digits and _");
            return null;
        }
        return text == null ? null : text.strip();
    }

    private static boolean isNumber(String text) {
        return text != null && text.strip().matches("-?[0-9]{1,9}");
    }
}
