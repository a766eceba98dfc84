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
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.daemon.JsupHome;

/**
 * Starts jsupd for a {@code $JSUP_HOME} fully detached, like PM2's CLI does: its own session
 * ({@code setsid}), stdin from /dev/null, stdout and stderr appended to {@code jsupd.out} (jsupd.log
 * is jsupd's own log, rotated by rename, so it cannot be an inherited descriptor), so it
 * survives the terminal closing. Then waits until its socket answers ping.
 */
public final class DaemonStarter {

    /** How long a fresh jsupd gets to answer ping. */
    static final long STARTUP_TIMEOUT_MS = 10_000;

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
                "-XX:AsyncDeflationInterval=10000"));
        return List.copyOf(flags);
    }

    private DaemonStarter() {
    }

    /** Spawns jsupd for {@code ctx.jsupHome()} and returns once it answers ping. */
    public static void start(CliContext ctx) {
        Path home = ctx.jsupHome();
        Path log = JsupHome.of(home).daemonStdio();
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
            Process p = pb.start();
            // With setsid -f the direct child exits at once; without setsid it is jsupd itself.
            if (cmd.get(0).endsWith("setsid")) {
                p.waitFor();
            }
        } catch (IOException e) {
            throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: cannot start jsupd for " + home + ": "
                    + e.getMessage() + "\nCheck that " + home + " is writable, or run it in the foreground: jsup daemon");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: interrupted while starting jsupd");
        }
        awaitPing(home, log);
    }

    static List<String> command(Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
            cmd.add("-f");
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

    private static void awaitPing(Path home, Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT_MS * 1_000_000;
        ControlException last = null;
        while (System.nanoTime() < deadline) {
            try (ControlClient c = ControlClient.connect(home)) {
                c.ping();
                return;
            } catch (ControlException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: jsupd did not answer on "
                + home.resolve("jsup.sock") + " within " + STARTUP_TIMEOUT_MS / 1000 + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")")
                + "\nLast lines of " + log + ":\n" + tail(log, 10)
                + "\nand of " + JsupHome.of(home).daemonLog() + ":\n" + tail(JsupHome.of(home).daemonLog(), 10)
                + "\nRun it in the foreground to see why: JSUP_HOME=" + home + " jsup daemon");
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
