package jsup.gateway.ops;

import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;

/**
 * A real jsupd in its own JVM ({@code java -cp … jsup.supervisor.daemon.Jsupd <home>}) on a
 * {@code $JSUP_HOME} inside a test's folder, with a clean environment (no API keys, no tokens).
 * Its own JVM because jsupd points the JVM's Logback at {@code jsupd.log}, which would swallow the
 * logs other gateway tests in this JVM capture.
 *
 * <p>{@link #close()} sends {@code kill} (jsupd stops every app and exits), then kills whatever
 * still runs with the test folder in its command line.
 */
final class JsupdProcess implements AutoCloseable {

    final Path root;
    final Path home;
    private final Process process;

    private JsupdProcess(Path root, Path home, Process process) {
        this.root = root;
        this.home = home;
        this.process = process;
    }

    static JsupdProcess start(Path root) throws IOException {
        Path home = root.resolve("home");
        Path user = Files.createDirectories(root.resolve("user"));
        ProcessBuilder pb = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "jsup.supervisor.daemon.Jsupd", home.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("jsupd.out").toFile());
        pb.environment().clear();
        pb.environment().put("HOME", user.toString());
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        JsupdProcess jsupd = new JsupdProcess(root, home, pb.start());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!jsupd.process.isAlive()) {
                throw new AssertionError("jsupd exited with " + jsupd.process.exitValue() + ":\n"
                        + Files.readString(root.resolve("jsupd.out")));
            }
            try {
                jsupd.call("ping", null);
                return true;
            } catch (ControlException e) {
                return false;
            }
        });
        return jsupd;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    JsonNode call(String cmd, ObjectNode args) throws ControlException {
        try (ControlClient c = ControlClient.connect(home)) {
            return c.call(cmd, args);
        }
    }

    /** The app object of {@code name} from {@code list}. */
    JsonNode app(String name) throws ControlException {
        for (JsonNode a : call("list", null).path("apps")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("jsupd does not list " + name);
    }

    /** A shell script {@code <root>/<name>.sh}; its path carries the test folder, so teardown finds it. */
    Path script(String name, String body) {
        Path p = root.resolve(name + ".sh");
        try {
            Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Starts the apps of an ecosystem file holding {@code appsJson} (a JSON array) and waits until they are online. */
    void startApps(String appsJson) throws ControlException, IOException {
        Path file = root.resolve("ecosystem-" + System.nanoTime() + ".json");
        Files.writeString(file, "{\"apps\": " + appsJson + "}\n");
        call("start", ControlClient.args().put("file", file.toString()));
    }

    @Override
    public void close() {
        try {
            call("kill", null);
        } catch (ControlException e) {
            // Already gone: the process checks below still run.
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (long pid : processesMentioning(root)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Live processes whose command line contains {@code marker}. */
    static List<Long> processesMentioning(Path marker) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(marker.toString())) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // Ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }
}
