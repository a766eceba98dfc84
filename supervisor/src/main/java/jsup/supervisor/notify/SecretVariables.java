package jsup.supervisor.notify;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} in a sink's texts when a message is sent: first the app's own {@code env}
 * (which holds its {@code env_file}, so a {@code .env} works), then jsupd's environment. {@code $${}
 * stays a literal {@code ${}. The values are secrets: only the sink that sends holds them.
 */
final class SecretVariables {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A text with its references replaced, and the names that were not set (left as written). */
    record Resolved(String text, Set<String> missing) {
    }

    private final Map<String, String> appEnv;
    private final Map<String, String> daemonEnv;

    SecretVariables(Map<String, String> appEnv, Map<String, String> daemonEnv) {
        this.appEnv = appEnv;
        this.daemonEnv = daemonEnv;
    }

    Resolved resolve(String text) {
        Set<String> missing = new LinkedHashSet<>();
        if (text.indexOf('$') < 0) {
            return new Resolved(text, missing);
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else {
                String value = appEnv.get(m.group(1));
                if (value == null || value.isEmpty()) {
                    value = daemonEnv.get(m.group(1));
                }
                if (value == null || value.isEmpty()) {
                    missing.add(m.group(1));
                    value = m.group();
                }
                replacement = value;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return new Resolved(sb.toString(), missing);
    }
}
