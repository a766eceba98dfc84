package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;

/**
 * A throwaway jsupd world in one temp folder: a {@code $JSUP_HOME}, app scripts whose paths carry the
 * folder's name (so {@link #processesOf} finds exactly this test's processes in /proc), ecosystem
 * files, in-process daemons and clients. {@link #close()} stops every daemon and SIGKILLs any app
 * process still alive.
 */
final class DaemonFixture implements AutoCloseable {

    /**
     * How long a condition may take to come true. Generous on purpose: the suite must pass with both
     * cores busy, and a passing condition returns at once, so the bound only ends a test that failed.
     */
    static final Duration WAIT = Duration.ofSeconds(60);

    final Path root;
    final JsupHome home;
    final Map<String, String> environment;
    private final List<Jsupd> daemons = new ArrayList<>();
    private final List<ControlClient> clients = new ArrayList<>();

    DaemonFixture(Path root) {
        this.root = root;
        this.home = JsupHome.of(root.resolve("home"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", mkdirs(root.resolve("user")).toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        this.environment = Map.copyOf(env);
    }

    Jsupd start() throws Exception {
        return start(true);
    }

    Jsupd start(boolean restore) throws Exception {
        Jsupd d = Jsupd.start(home, new Jsupd.Options(environment, restore));
        daemons.add(d);
        return d;
    }

    /** A daemon whose health checks read /proc through {@code healthProcFs} (e.g. fixture inotify limits). */
    Jsupd start(ProcFs healthProcFs) throws Exception {
        Jsupd d = Jsupd.start(home, new Jsupd.Options(environment, true, healthProcFs));
        daemons.add(d);
        return d;
    }

    ControlClient client() throws ControlException {
        ControlClient c = ControlClient.connect(home.dir(), WAIT);
        clients.add(c);
        return c;
    }

    JsonNode call(String cmd, ObjectNode args) throws ControlException {
        try (ControlClient c = ControlClient.connect(home.dir(), WAIT)) {
            return c.call(cmd, args);
        }
    }

    /** A shell script {@code <root>/<name>.sh} with {@code body}. */
    Path script(String name, String body) {
        Path p = root.resolve(name + ".sh");
        write(p, "#!/bin/sh\n" + body + "\n");
        return p;
    }

    /** A script that runs until stopped, the usual app. */
    Path sleeper(String name) {
        return script(name, "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
    }

    /** An ecosystem file {@code <root>/<file>} with the given app objects. */
    Path ecosystem(String file, String... apps) {
        Path p = root.resolve(file);
        write(p, "{\"apps\": [" + String.join(",", apps) + "]}\n");
        return p;
    }

    /** One app object running {@code script} with sh, short test timings, plus {@code extra} JSON fields. */
    static String app(String name, Path script, String extra) {
        // A crash-loop test sets its own min_uptime: 200 ms is less than sh may need to run "exit 1" on a busy machine.
        String minUptime = extra.contains("\"min_uptime\"") ? "" : " \"min_uptime\": 200,";
        return "{\"name\": \"" + name + "\", \"script\": \"" + script + "\", \"interpreter\": \"/bin/sh\","
                + minUptime + " \"kill_timeout\": 1000" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static ObjectNode args() {
        return ControlClient.args();
    }

    /** Pids of live (non-zombie) processes whose command line mentions {@code script}. */
    static List<Long> processesOf(Path script) {
        List<Long> pids = new ArrayList<>();
        String marker = script.toString();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    String stat = Files.readString(dir.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (cmdline.contains(marker) && state != 'Z' && state != 'X') {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !statOf(pid).startsWith("Z");
    }

    private static String statOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return "Z";
        }
    }

    @Override
    public void close() {
        clients.forEach(ControlClient::close);
        for (Jsupd d : daemons) {
            d.close();
        }
        // Whatever a failed test left behind: kill it so nothing outlives the test.
        for (Long pid : processesOf(root)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
