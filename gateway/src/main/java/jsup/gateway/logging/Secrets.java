package jsup.gateway.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process-wide set of secret values (tokens, API keys) and the one function that blanks them
 * out of text. It is static because Logback instantiates converters itself and they must see the
 * secrets the config loader found.
 *
 * <p>Besides the registered values, text shaped like a secret is blanked too, so a key that never
 * went through the config (for example one a provider echoes back in an error body) is still
 * caught: Telegram bot tokens ({@code 123456:AA...}), {@code sk-...} API keys, whatever follows
 * {@code Bearer}, and the value of a {@code NAME=value} pair whose name says it is a secret
 * ({@code DB_PASSWORD=...}, {@code ?token=...}, {@code api_key=...}). The last matters for
 * {@code /logs}, which shows other apps' log lines, whose secrets the gateway never registered.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Shorter values are not registered: blanking "1" or "on" everywhere would garble logs. */
    static final int MIN_LENGTH = 6;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private static final Pattern SHAPED = Pattern.compile(
            "(?<![A-Za-z0-9])\\d{5,12}:[A-Za-z0-9_-]{30,}"      // Telegram bot token
            + "|(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{16,}"          // OpenAI / OpenRouter style key
            + "|(?i:bearer)\\s+[^\\s\"',;]+"                      // any bearer credential
            + "|(?<name>[A-Za-z0-9_.-]*(?i:password|passwd|secret|token|api[_-]?key|access[_-]?key)[A-Za-z0-9_.-]*)"
            + "=[^\\s&\"',;]+");                                   // NAME=value where NAME says secret

    private Secrets() {
    }

    /** Remembers {@code value} as a secret; null, blank and very short values are ignored. */
    public static void register(String value) {
        if (value == null || value.isBlank() || value.length() < MIN_LENGTH) {
            return;
        }
        if (KNOWN.add(value)) {
            List<String> sorted = new ArrayList<>(KNOWN);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
    }

    /** Returns {@code text} with every registered secret and every secret-shaped token masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : longestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        Matcher m = SHAPED.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder sb = new StringBuilder(out.length());
        do {
            String hit = m.group();
            String replacement = m.group("name") != null ? m.group("name") + "=" + MASK
                    : hit.regionMatches(true, 0, "bearer", 0, 6) ? hit.substring(0, 6) + " " + MASK
                    : MASK;
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** How a secret is shown in status output: whether it is set, never its value. */
    public static String describe(String value) {
        return value == null || value.isEmpty() ? "not set" : "set (" + MASK + ")";
    }
}
