package jsup.supervisor;

import java.util.Locale;

/**
 * Which variable and key names hold secrets: those containing TOKEN, KEY, SECRET or PASS (PASSWORD,
 * PASSWD …), in any case. The CLI masks their values in what it prints; notifications mask them in
 * the stderr lines they carry.
 */
public final class SecretNames {

    private static final String[] MARKS = {"TOKEN", "KEY", "SECRET", "PASS"};

    private SecretNames() {
    }

    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String mark : MARKS) {
            if (upper.contains(mark)) {
                return true;
            }
        }
        return false;
    }
}
