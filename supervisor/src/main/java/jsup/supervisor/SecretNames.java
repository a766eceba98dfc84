package jsup.supervisor;

import java.util.Locale;
import java.util.Set;

/**
 * Which variable and key names hold secrets, in any case: those containing TOKEN, KEY, SECRET, PASS
 * (PASSWORD, PASSWD …), WEBHOOK (a Slack or Discord webhook URL is its own credential) or CREDENTIAL,
 * and those with DSN, AUTH or COOKIE as a whole word between {@code _}, {@code -} or {@code .}
 * ({@code SENTRY_DSN}, {@code BASIC_AUTH}; not {@code AUTHOR}). Ordinary names such as {@code PORT},
 * {@code NODE_ENV} or {@code DATABASE_URL} are not secret by name; a URL value that carries a password
 * ({@code postgres://app:pw@db/app}) is, in its password only ({@link #urlPassword}). The CLI masks these
 * values in what it prints; notifications mask secret-named values and every URL's password
 * ({@link #maskUrlPasswordsIn}) in the stderr lines they carry.
 */
public final class SecretNames {

    private static final String[] MARKS = {"TOKEN", "KEY", "SECRET", "PASS", "WEBHOOK", "CREDENTIAL"};
    /** Too short to match inside other words (AUTHOR, DSNAME), so only as a whole word. */
    private static final Set<String> WORDS = Set.of("DSN", "AUTH", "COOKIE");

    private SecretNames() {
    }

    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String mark : MARKS) {
            if (upper.contains(mark)) {
                return true;
            }
        }
        for (String word : upper.split("[_.\\-]")) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The password of a URL that carries one in its user info ({@code scheme://user:PASSWORD@host…}),
     * or null when {@code value} is not such a URL or its password is empty.
     */
    public static String urlPassword(String value) {
        int[] range = passwordRange(value);
        return range == null ? null : value.substring(range[0], range[1]);
    }

    /** {@code value} with the password of its URL user info replaced by {@code mask}; as is when it has none. */
    public static String maskUrlPassword(String value, String mask) {
        int[] range = passwordRange(value);
        return range == null ? value : value.substring(0, range[0]) + mask + value.substring(range[1]);
    }

    /**
     * {@code text} (a log line, a message) with the password of every URL in it that carries one
     * replaced by {@code mask}: {@code connect postgres://app:pw@db failed} → {@code postgres://app:••••@db}.
     */
    public static String maskUrlPasswordsIn(String text, String mask) {
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (int sep = text.indexOf("://"); sep > 0; sep = text.indexOf("://", sep + 3)) {
            int scheme = sep;
            while (scheme > done && isSchemeChar(text.charAt(scheme - 1))) {
                scheme--;
            }
            while (scheme < sep && !isSchemeStart(text.charAt(scheme))) {
                scheme++; // a scheme starts with a letter: "2postgres://" is "postgres://"
            }
            int[] range = scheme < sep ? passwordRange(text, scheme) : null;
            if (range != null) {
                out.append(text, done, range[0]).append(mask);
                done = range[1];
                sep = range[1] - 3;
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    private static boolean isSchemeStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSchemeChar(char c) {
        return isSchemeStart(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    private static int[] passwordRange(String value) {
        return passwordRange(value, 0);
    }

    /**
     * Where the password is in the URL that starts at {@code from}: between the first ':' of the user
     * info and its last '@', or null. The authority ends at '/', '?', '#', white space or a quote.
     */
    private static int[] passwordRange(String value, int from) {
        int scheme = value.indexOf("://", from);
        if (scheme <= from || !value.substring(from, scheme).matches("[A-Za-z][A-Za-z0-9+.\\-]*")) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < value.length() && "/?#\"'<> \t".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        int at = value.lastIndexOf('@', end - 1);
        if (at < start) {
            return null;
        }
        int colon = value.indexOf(':', start);
        if (colon < 0 || colon > at || colon + 1 == at) {
            return null;
        }
        return new int[] {colon + 1, at};
    }
}
