package jsup.cli.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ControlProtocol;
import jsup.supervisor.daemon.JsupHome;

/**
 * Starts jsupd for a {@code $JSUP_HOME} fully detached, like PM2's CLI does: its own session
 * ({@code setsid}), stdin from /dev/null, stdout and stderr appended to {@code jsupd.out} (jsupd.log
 * is jsupd's own log, rotated by rename, so it cannot be an inherited descriptor), so it
 * survives the terminal closing. Then waits until its socket answers ping, watching the process
 * meanwhile: a jsupd that dies is reported at once with its exit code and its last log lines.
 *
 * <p>{@code setsid} without {@code -f}: our child is never a process-group leader, so setsid
 * execs jsupd in place and the child we watch is jsupd itself.
 */
public final class DaemonStarter {

    /**
     * How long a fresh jsupd that is still alive gets to answer ping: generous, since on an overloaded
     * machine a JVM start can take tens of seconds (a jsupd that dies is reported at once).
     */
    static final long STARTUP_TIMEOUT_MS = 30_000;

    /** JVM flags for the long-lived daemon when started without the launcher: small and steady. */
    static final List<String> DAEMON_JVM_FLAGS = daemonFlags(System.getProperty("os.arch"));

    /** The same flags as bin/jsup gives jsupd; the smaller stack shadow zone only where 10 pages is
     *  the supported minimum (x86-64): jsupd runs about three threads per app. */
    static List<String> daemonFlags(String arch) {
        List<String> flags = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Xms8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        if ("amd64".equals(arch) || "x86_64".equals(arch)) {
            flags.add("-XX:StackShadowPages=10");
        }
        flags.addAll(List.of("-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0",
                "-XX:AsyncDeflationInterval=60000"));
        // Memory (docs/benchmarks.md, "jsupd's memory"): one compiler thread, freed native memory handed back.
        flags.addAll(List.of("-XX:CICompilerCount=1", "-XX:TrimNativeHeapInterval=5000"));
        return List.copyOf(flags);
    }

    private DaemonStarter() {
    }

    /** Spawns jsupd for {@code ctx.jsupHome()} and returns once it answers ping. */
    public static void start(CliContext ctx) {
        Path home = ctx.jsupHome();
        refuseLongSocketPath(home);
        Path log = JsupHome.of(home).daemonStdio();
        Process p;
        try {
            createHome(home);
            List<String> cmd = command(ctx.env());
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(home.toFile())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.clear();
            env.putAll(ctx.env());
            // Started from inside a supervised app (e.g. the gateway's ops commands), the CLI carries that
            // app's mark; jsupd and every app it starts must not inherit it, or they would pass for that app.
            env.remove(jsup.supervisor.Supervisor.APP_ENV_VAR);
            env.put("JSUP_HOME", home.toString());
            p = pb.start();
        } catch (IOException e) {
            throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: cannot start jsupd for " + home + ": "
                    + e.getMessage() + "\nCheck that " + home + " is writable, or run it in the foreground: jsup daemon");
        }
        awaitPing(home, log, p);
    }

    /**
     * Refuses a home whose socket path Linux cannot bind (longer than 107 bytes): jsupd would die at
     * once, and the message would come from its log instead of here.
     */
    static void refuseLongSocketPath(Path home) {
        Path socket = JsupHome.of(home).socket();
        int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ControlProtocol.MAX_SOCKET_PATH_BYTES) {
            throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: cannot start jsupd: its socket path " + socket
                    + " is " + bytes + " bytes, and Unix socket paths are limited to "
                    + ControlProtocol.MAX_SOCKET_PATH_BYTES + " bytes.\nSet JSUP_HOME to a shorter folder, e.g. "
                    + "JSUP_HOME=~/.jsup-myapp");
        }
    }

    static List<String> command(Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        List<String> self = SelfCommand.prefix(env);
        if (self.size() == 1) {
            cmd.addAll(self);
        } else {
            cmd.add(self.get(0));
            String opts = env.get("JSUPD_JAVA_OPTS");
            cmd.addAll(opts != null && !opts.isBlank() ? List.of(opts.trim().split("\\s+")) : DAEMON_JVM_FLAGS);
            cmd.addAll(self.subList(1, self.size()));
        }
        cmd.add("daemon");
        return cmd;
    }

    private static void createHome(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Waits for ping; fails at once when {@code daemon} exits first (unless another jsupd got the home). */
    private static void awaitPing(Path home, Path log, Process daemon) {
        long started = System.nanoTime();
        long deadline = started + STARTUP_TIMEOUT_MS * 1_000_000;
        ControlException last = null;
        while (System.nanoTime() < deadline) {
            try (ControlClient c = ControlClient.connect(home)) {
                c.ping();
                return;
            } catch (ControlException e) {
                last = e;
            }
            try {
                // The pause between attempts, cut short by the daemon's death. When a jsupd started
                // meanwhile by another command owns the home, ours gave way to it: wait for that one.
                if (daemon.waitFor(50, TimeUnit.MILLISECONDS) && !ownedByAnother(home, daemon.pid())) {
                    throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: jsupd exited with code "
                            + daemon.exitValue() + " after " + (System.nanoTime() - started) / 1_000_000
                            + " ms, before answering on " + home.resolve("jsup.sock") + explanation(home, log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: jsupd did not answer on "
                + home.resolve("jsup.sock") + " within " + STARTUP_TIMEOUT_MS / 1000 + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")") + explanation(home, log));
    }

    /** True when {@code jsupd.pid} names a live process other than {@code ours}. */
    private static boolean ownedByAnother(Path home, long ours) {
        long owner = UnresponsiveDaemon.pid(JsupHome.of(home).pidFile());
        return owner > 0 && owner != ours && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String explanation(Path home, Path log) {
        return "\nLast lines of " + log + ":\n" + tail(log, 10)
                + "\nand of " + JsupHome.of(home).daemonLog() + ":\n" + tail(JsupHome.of(home).daemonLog(), 10)
                + "\nRun it in the foreground to see why: JSUP_HOME=" + home + " jsup daemon";
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "  (unreadable: " + e.getMessage() + ")";
        }
    }
}
