package jsup.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher {@code bin/jsup} as a separate process against one {@code $JSUP_HOME}, with
 * this JVM's classpath ({@code JSUP_CLASSPATH}) instead of the shaded jar, which the test phase has
 * not built yet.
 */
public final class JsupLauncher {

    /** What one run of {@code jsup} printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Path home;
    private final Path work;
    private int runs;

    public JsupLauncher(Path home, Path work) {
        this.home = home;
        this.work = work;
    }

    public Path home() {
        return home;
    }

    public static Path launcher() {
        return Path.of(System.getProperty("jsup.repoRoot", "..")).toAbsolutePath().normalize().resolve("bin/jsup");
    }

    /** Runs {@code jsup args…} to completion (at most 60 s). */
    public Result run(String... args) throws IOException, InterruptedException {
        Path out = work.resolve("run-" + (++runs) + ".out");
        Path err = work.resolve("run-" + runs + ".err");
        Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jsup " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts {@code jsup args…} in the background, stdout and stderr into {@code output}. */
    public Process background(Path output, String... args) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The process that runs {@code jsup args…}: the launcher with this home and classpath, stdin from /dev/null. */
    public ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectInput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        env.put("JSUP_HOME", home.toString());
        env.put("JSUP_CLASSPATH", System.getProperty("java.class.path"));
        env.put("JSUP_JAVA", ProcessHandle.current().info().command().orElse("java"));
        env.remove("JSUP_LAUNCHER");
        return pb;
    }

    /** The pid in {@code $JSUP_HOME/jsupd.pid}, or -1 when there is none. */
    public long daemonPid() throws IOException {
        Path pidFile = home.resolve("jsupd.pid");
        return Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
    }

    /**
     * The live (not zombie) processes whose command line contains {@code marker}, read from /proc:
     * e.g. an app's script path, which its bash process carries in argv.
     */
    public static List<Long> processesOf(String marker) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(marker) && alive(Long.parseLong(name))) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        // A shell script forks before each external command, and the fork carries the script's
        // command line until it execs: the same copy of the app, not a second one.
        List<Long> matched = List.copyOf(pids);
        pids.removeIf(pid -> ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> matched.contains(parent.pid())).orElse(false));
        return pids;
    }

    /** True while {@code pid} runs: it exists in /proc and is not a zombie. */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILLs every live process whose command line contains {@code marker} (test teardown). */
    public static void killAll(String marker) {
        for (long pid : processesOf(marker)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Stops jsupd ({@code jsup kill}), then SIGKILLs whatever of it and its apps is left. */
    public void killDaemon() throws IOException, InterruptedException {
        Path pidFile = home.resolve("jsupd.pid");
        long pid = -1;
        if (Files.exists(pidFile)) {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        }
        try {
            run("kill");
        } finally {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
        }
    }
}
