package jsup.supervisor.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Transition;

/**
 * Which notification events a status change is (pure): an exit the engine did not ask for is an
 * {@code exit} (unless code 0) and, when the app comes back, a {@code restart} with reason
 * {@code crash}; a restart of a running app is a {@code restart} whose reason is the first word of
 * the engine's ({@code memory}, {@code health}, {@code manual}, {@code watchdog}, ... taken as they
 * come); {@code errored} is any change to errored.
 */
public final class TransitionEvents {

    /** One event found: its name, its one-word reason and the engine's text. */
    public record Found(String event, String reason, String detail) {
    }

    private static final Pattern EXIT = Pattern.compile("(exit code (\\d+)|signal SIG[A-Z0-9+-]+)");
    private static final String STOP = "stop requested";

    private TransitionEvents() {
    }

    public static List<Found> of(Transition t) {
        List<Found> found = new ArrayList<>();
        String text = t.reason() == null ? "" : t.reason();
        boolean fromOnline = t.from() == ProcessStatus.ONLINE;
        Matcher exit = EXIT.matcher(text);
        boolean exited = fromOnline && t.to() != ProcessStatus.STOPPING && exit.find();
        boolean crash = exited && !"0".equals(exit.group(2));
        if (crash) {
            found.add(new Found("exit", exit.group(2) != null ? "exit code " + exit.group(2) : exit.group(1), text));
        }
        if (t.to() == ProcessStatus.ERRORED) {
            found.add(new Found("errored", erroredReason(text), text));
        } else if (exited && (t.to() == ProcessStatus.LAUNCHING || t.to() == ProcessStatus.WAITING_RESTART)) {
            found.add(new Found("restart", crash ? "crash" : "exit", text));
        } else if (fromOnline && t.to() == ProcessStatus.STOPPING && !text.startsWith(STOP)) {
            found.add(new Found("restart", firstWord(text), text));
        }
        return found;
    }

    static String erroredReason(String text) {
        if (text.startsWith("crash loop")) {
            return "crash_loop";
        }
        if (text.startsWith("pre-start")) {
            return "pre_start";
        }
        return firstWord(text);
    }

    /** {@code health: tcp ... refused} → {@code health}; {@code memory 612M > 500M} → {@code memory}. */
    static String firstWord(String text) {
        String s = text.strip();
        int end = 0;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'
                || s.charAt(end) == '-')) {
            end++;
        }
        return end == 0 ? "unknown" : s.substring(0, end);
    }
}
