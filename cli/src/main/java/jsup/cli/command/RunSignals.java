package jsup.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The signals {@code jsup run} handles as a container's PID 1 (where a signal without a handler is
 * ignored, not fatal): {@code TERM} and {@code INT} stop every app, {@code HUP}, {@code USR1} and
 * {@code USR2} are forwarded to every running app's main process.
 *
 * <p>HotSpot on Linux suspends and resumes threads with {@code SIGUSR2} unless the environment variable
 * {@code _JAVA_SR_SIGNUM} moves it elsewhere; a Java handler there would take the JVM's own signal. So
 * {@code USR2} is handled only when {@code _JAVA_SR_SIGNUM} names another signal, which {@code bin/jsup}
 * sets for {@code run}.
 */
final class RunSignals {

    /** Signals that stop every app (each per its kill_signal and kill_timeout). */
    static final List<String> STOP = List.of("TERM", "INT");
    /** Signals sent on to the apps' main processes. */
    static final List<String> FORWARD = List.of("HUP", "USR1", "USR2");
    /** The JVM's default thread suspend/resume signal on Linux (SIGUSR2). */
    static final int LINUX_SIGUSR2 = 12;

    private RunSignals() {
    }

    /**
     * Installs the handlers; they run on a thread of the JVM's, one at a time.
     *
     * @param onStop    told the name ({@code TERM}) of a stop signal
     * @param onForward told the name of a signal to forward
     * @return one line per signal that could not be handled, saying why
     */
    static List<String> install(Map<String, String> env, Consumer<String> onStop, Consumer<String> onForward) {
        List<String> refused = new ArrayList<>();
        for (String name : STOP) {
            handle(name, onStop, refused);
        }
        for (String name : FORWARD) {
            if (name.equals("USR2") && !usr2IsFree(env)) {
                refused.add("SIGUSR2 is not forwarded: this JVM suspends threads with it; start jsup run through "
                        + "bin/jsup, or set _JAVA_SR_SIGNUM=40 for its JVM");
                continue;
            }
            handle(name, onForward, refused);
        }
        return refused;
    }

    /** Whether the JVM moved its suspend/resume signal off SIGUSR2 (_JAVA_SR_SIGNUM, read at JVM start). */
    static boolean usr2IsFree(Map<String, String> env) {
        String moved = env.get("_JAVA_SR_SIGNUM");
        if (moved == null) {
            return false;
        }
        try {
            int signum = Integer.parseInt(moved.trim());
            // HotSpot takes a value above SIGSEGV (11) and below NSIG (65), and ignores any other.
            return signum > 11 && signum < 65 && signum != LINUX_SIGUSR2;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void handle(String name, Consumer<String> action, List<String> refused) {
        try {
            Signal.handle(new Signal(name), s -> action.accept(name));
        } catch (IllegalArgumentException e) { // taken by the JVM (-Xrs) or unknown to this OS
            refused.add("SIG" + name + " is not handled: " + e.getMessage());
        }
    }
}
