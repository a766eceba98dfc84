package jsup.supervisor.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Linux signal names, written without {@code SIG} ({@code TERM}); what {@code kill -l} lists, minus real-time ones. */
public final class SignalNames {

    /** Every name accepted, in signal-number order; IOT, POLL and IO are Linux aliases. */
    public static final List<String> ALL = List.of(
            "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
            "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
            "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");

    private SignalNames() {
    }

    /** {@code "SIGTERM"}, {@code "TERM"} or {@code "term"} give {@code "TERM"}; anything else is empty. */
    public static Optional<String> canonical(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
        return ALL.contains(bare) ? Optional.of(bare) : Optional.empty();
    }
}
