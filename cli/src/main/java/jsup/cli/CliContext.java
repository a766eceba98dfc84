package jsup.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import jsup.supervisor.daemon.JsupHome;

/**
 * What every command may use from the world: the environment, the output streams, and where it
 * runs. One per invocation, handed to commands by {@link JsupCli}'s factory, so tests run commands
 * in-process with their own environment and captured output (no static globals).
 *
 * @param env      the environment ({@code JSUP_HOME}, {@code HOME}, {@code PATH}, {@code NO_COLOR} …)
 * @param out      standard output
 * @param err      standard error
 * @param colour   whether to colour output (stdout is a terminal and {@code NO_COLOR} is unset)
 * @param cwd      the working directory relative paths resolve against
 */
public record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, boolean colour,
                         Path cwd) {

    public CliContext {
        env = Map.copyOf(env);
        cwd = cwd.toAbsolutePath().normalize();
    }

    /** The context of a real run: the process's environment, System.out/err, colour on a terminal. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        boolean tty = System.console() != null;
        boolean colour = tty && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new CliContext(env, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                colour, Path.of(""));
    }

    /** {@code $JSUP_HOME}, else {@code ~/.jsup} (the same rule jsupd uses). */
    public Path jsupHome() {
        return JsupHome.resolve(env).dir();
    }

    /** {@code $HOME}, else the JVM's {@code user.home}. */
    public Path userHome() {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** Resolves a path the user typed against the working directory. */
    public Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return userHome().resolve(path.substring(Math.min(2, path.length()))).normalize();
        }
        return cwd.resolve(path).normalize();
    }
}
