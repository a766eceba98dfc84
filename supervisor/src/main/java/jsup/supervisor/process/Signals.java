package jsup.supervisor.process;

import java.util.Locale;

/**
 * Linux signal names and numbers (x86-64 and arm64 share this numbering). Names are kept without the
 * {@code SIG} prefix, as {@code kill -s} takes them.
 */
public final class Signals {

    private static final String[] NAMES = {
        null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private Signals() {
    }

    /**
     * Turns {@code "usr2"}, {@code "SIGUSR2"} or {@code "12"} into {@code "USR2"}.
     *
     * @throws IllegalArgumentException naming the value when it is no known signal
     */
    public static String normalize(String signal) {
        if (signal == null || signal.isBlank()) {
            throw new IllegalArgumentException("signal is empty; use a name such as TERM, INT or USR2");
        }
        String s = signal.trim().toUpperCase(Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s);
            if (n > 0 && n < NAMES.length) {
                return NAMES[n];
            }
        }
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(s)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown signal: \"" + signal
                + "\"; use a name such as TERM, INT, HUP, USR1 or USR2");
    }

    /** The number of signal {@code name} as {@link #normalize} returns it (e.g. {@code USR2} → 12). */
    public static int number(String name) {
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown signal: \"" + name + "\"");
    }

    /** The name of signal {@code number} (e.g. 11 → {@code SEGV}), or {@code null} when unknown. */
    public static String name(int number) {
        return number > 0 && number < NAMES.length ? NAMES[number] : null;
    }
}
