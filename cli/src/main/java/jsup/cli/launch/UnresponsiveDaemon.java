package jsup.cli.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.daemon.JsupHome;

/**
 * What the CLI says about a jsupd that holds the socket but does not answer: which process it is
 * ({@code jsupd.pid}), whether /proc shows it stopped (SIGSTOP, a debugger), and how to get out.
 */
final class UnresponsiveDaemon {

    private UnresponsiveDaemon() {
    }

    /** Exit 4, naming jsupd's pid and what to do; {@code detail} says what did not answer. */
    static ExitException exit(Path home, String detail) {
        JsupHome files = JsupHome.of(home);
        long pid = pid(files.pidFile());
        StringBuilder msg = new StringBuilder("jsup: jsupd");
        if (pid > 0) {
            msg.append(" (pid ").append(pid).append(", from ").append(files.pidFile()).append(')');
        }
        msg.append(" for ").append(home).append(" is not answering (").append(detail).append(')');
        if (pid > 0 && state(pid) == 'T') {
            msg.append("\nIt is stopped (state T in /proc/").append(pid).append("/stat): resume it with: kill -CONT ")
                    .append(pid);
        }
        msg.append("\nIf it is hung, see ").append(files.daemonLog()).append("; ")
                .append(pid > 0 ? "kill -9 " + pid : "kill -9 <its pid>")
                .append(" ends it, and the next jsup command starts a new jsupd that brings its apps back.");
        return new ExitException(ExitCode.DAEMON_UNREACHABLE, msg.toString());
    }

    /** The pid in {@code jsupd.pid}, or -1 when it is missing or unreadable. */
    static long pid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The state letter of {@code pid} in /proc (R, S, D, T, Z …), or '?' when unreadable. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        } catch (IOException | RuntimeException e) {
            return '?';
        }
    }
}
