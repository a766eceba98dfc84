package jsup.cli.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jsup.cli.export.SystemdSyntax;

/**
 * The text of the unit that runs jsupd. {@code Type=simple} with {@code jsup daemon} in the
 * foreground (PM2's {@code Type=forking} breaks when a daemon already runs: PM2 #3924);
 * {@code KillMode=mixed} so systemd's SIGTERM reaches jsupd alone, which stops each app with its own
 * {@code kill_signal} and {@code kill_timeout}, and SIGKILL reaches stragglers only after
 * {@code TimeoutStopSec}.
 *
 * @param user           the account the service runs as ({@code User=}), or null for a user unit
 * @param workingDir     {@code WorkingDirectory=}, or null
 * @param environment    {@code Environment=} lines, in order (JSUP_HOME first)
 * @param execStart      the command, argv form
 * @param timeoutStop    {@code TimeoutStopSec=}: longer than the largest kill_timeout of saved apps
 * @param systemUnit     a system unit ({@code multi-user.target}) or a user unit ({@code default.target})
 */
public record SystemdUnit(String user, Path workingDir, Map<String, String> environment,
                          List<String> execStart, Duration timeoutStop, boolean systemUnit) {

    public SystemdUnit {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        execStart = List.copyOf(execStart);
    }

    /** The unit file's content. */
    public String render() {
        StringBuilder u = new StringBuilder();
        u.append("# Written by `jsup startup`; remove with `jsup unstartup`.\n");
        u.append("[Unit]\n");
        u.append("Description=jsup process supervisor (JSUP_HOME=")
                .append(escapeSpecifiers(environment.getOrDefault("JSUP_HOME", "~/.jsup"))).append(")\n");
        u.append("After=network.target\n\n");
        u.append("[Service]\n");
        u.append("Type=simple\n");
        if (user != null) {
            u.append("User=").append(user).append('\n');
        }
        if (workingDir != null) {
            u.append("WorkingDirectory=").append(SystemdSyntax.path(workingDir.toString())).append('\n');
        }
        environment.forEach((k, v) -> u.append("Environment=").append(quoteEnv(k + "=" + v)).append('\n'));
        u.append("ExecStart=").append(SystemdSyntax.commandLine(execStart)).append('\n');
        u.append("Restart=always\n");
        u.append("RestartSec=2\n");
        u.append("KillMode=mixed\n");
        u.append("TimeoutStopSec=").append(seconds(timeoutStop)).append('\n');
        u.append('\n');
        u.append("[Install]\n");
        u.append("WantedBy=").append(systemUnit ? "multi-user.target" : "default.target").append('\n');
        return u.toString();
    }

    private static long seconds(Duration d) {
        long s = d.getSeconds();
        return d.getNano() > 0 ? s + 1 : s;
    }

    /** One ExecStart= word: specifiers and variables escaped, quoted when it holds blanks or quotes. */
    static String quoteArg(String arg) {
        return SystemdSyntax.commandWord(arg);
    }

    /** One Environment= assignment, quoted when it holds blanks or quotes. */
    static String quoteEnv(String assignment) {
        int eq = assignment.indexOf('=');
        return SystemdSyntax.environment(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    private static String escapeSpecifiers(String text) {
        return SystemdSyntax.specifiers(text);
    }
}
