package jsup.gateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jsup.gateway.logging.Secrets;

/**
 * Where {@code ${VAR}} and the env fallbacks ({@code OPENROUTER_API_KEY}, {@code
 * TELEGRAM_BOT_TOKEN}, ...) are looked up: the process environment first, then the {@code .env}
 * beside the config.
 */
public final class Variables {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;

    public Variables(Map<String, String> environment, Map<String, String> dotEnv) {
        this.environment = Map.copyOf(environment);
        this.dotEnv = Map.copyOf(dotEnv);
        // A .env holds secrets by convention; whatever looks like one must never be logged.
        dotEnv.forEach((k, v) -> {
            if (looksSecret(k)) {
                Secrets.register(v);
            }
        });
    }

    public Optional<String> get(String name) {
        String v = environment.get(name);
        if (v == null || v.isEmpty()) {
            v = dotEnv.get(name);
        }
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The first of {@code names} that is set. */
    public Optional<String> first(String... names) {
        for (String n : names) {
            Optional<String> v = get(n);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces every {@code ${NAME}} in {@code text}; {@code $${} stays a literal {@code ${}.
     *
     * @param onMissing told the name of each variable that is not set (it is left as written)
     */
    public String substitute(String text, java.util.function.Consumer<String> onMissing) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else {
                Optional<String> value = get(m.group(1));
                if (value.isEmpty()) {
                    onMissing.accept(m.group(1));
                }
                replacement = value.orElse(m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static boolean looksSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("KEY") || n.contains("TOKEN") || n.contains("SECRET") || n.contains("PASSWORD");
    }
}
