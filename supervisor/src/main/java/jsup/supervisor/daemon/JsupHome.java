package jsup.supervisor.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import jsup.supervisor.control.ControlEnvironment;

/**
 * The folder one jsupd owns ({@code $JSUP_HOME}, default {@code ~/.jsup}) and the names of the files
 * in it. Plain JDK only: the CLI resolves it too, before it knows whether a daemon runs.
 *
 * <pre>
 * jsup.sock        control socket (0600)
 * jsupd.lock       held (flock) by the running jsupd; a second one fails fast
 * jsupd.pid        the running jsupd's pid
 * jsupd.log        jsupd's own log (rotated: jsupd.1.log ...)
 * jsupd.out        stdout/stderr of a detached jsupd (JVM crash reports and the like)
 * dump.json(.bak)  what {@code jsup save} wrote, read at start and by {@code jsup resurrect}
 * state.json       what runs right now (pid + start time per app); removed on a clean exit
 * jsupd.stopped    written by a clean exit (jsup kill, SIGTERM), removed when a jsupd starts: while it
 *                  is there, only commands that bring apps back start a jsupd (docs/cli.md)
 * logs/            app logs and healthmon.log
 * </pre>
 */
public final class JsupHome {

    public static final String ENV_VAR = ControlEnvironment.HOME_VAR;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    private JsupHome(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static JsupHome of(Path dir) {
        return new JsupHome(dir);
    }

    /** {@code $JSUP_HOME} when set and not blank, else {@code $HOME/.jsup}, else {@code user.home/.jsup}. */
    public static JsupHome resolve(Map<String, String> environment) {
        String explicit = environment.get(ENV_VAR);
        if (explicit != null && !explicit.isBlank()) {
            return new JsupHome(Path.of(explicit));
        }
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new JsupHome(Path.of(home, ".jsup"));
    }

    /** Creates the folder and {@code logs/} with mode 0700 (and tightens an existing folder to 0700). */
    public JsupHome create() throws IOException {
        for (Path p : new Path[] {dir, logsDir()}) {
            if (!Files.isDirectory(p)) {
                Files.createDirectories(p);
            }
            if (!Files.getPosixFilePermissions(p).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(p, OWNER_ONLY);
            }
        }
        return this;
    }

    public Path dir() {
        return dir;
    }

    public Path socket() {
        return dir.resolve("jsup.sock");
    }

    public Path lockFile() {
        return dir.resolve("jsupd.lock");
    }

    public Path pidFile() {
        return dir.resolve("jsupd.pid");
    }

    public Path daemonLog() {
        return dir.resolve("jsupd.log");
    }

    /** Where a detached jsupd's stdout and stderr should go (jsupd.log itself is rotated by rename). */
    public Path daemonStdio() {
        return dir.resolve("jsupd.out");
    }

    public Path dump() {
        return dir.resolve("dump.json");
    }

    public Path dumpBackup() {
        return dir.resolve("dump.json.bak");
    }

    public Path state() {
        return dir.resolve("state.json");
    }

    /** Present after a clean exit ({@code jsup kill}, SIGTERM) until the next jsupd starts. */
    public Path stoppedMarker() {
        return dir.resolve("jsupd.stopped");
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }

    public Path healthLog() {
        return logsDir().resolve("healthmon.log");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
