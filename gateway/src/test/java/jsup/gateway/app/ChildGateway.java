package jsup.gateway.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway in its own JVM, started from the test classpath ({@code jsup.gateway.Main}) with a
 * clean environment and its temp folder (where the lock lives) inside the test's folder. Collects
 * every output line in a file; {@link #close()} kills it if it still runs.
 */
final class ChildGateway implements AutoCloseable {

    /** How long a gateway JVM may take to start or to exit: a JVM start alone takes tens of seconds on a loaded machine. */
    static final Duration JVM_WAIT = Duration.ofSeconds(120);


    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path outputFile;

    private ChildGateway(Process process, Path outputFile) {
        this.process = process;
        this.outputFile = outputFile;
    }

    static ChildGateway start(Path tmpDir, String... args) throws IOException {
        return start(tmpDir, List.of(), args);
    }

    /** As {@link #start(Path, String...)}, with extra JVM flags (for example the launcher's heap flags). */
    static ChildGateway start(Path tmpDir, List<String> jvmFlags, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-Djava.io.tmpdir=" + tmpDir, "-cp", System.getProperty("java.class.path"), "jsup.gateway.Main"));
        command.addAll(List.of(args));
        // A file, not a pipe: nothing is lost when the JVM exits while a reader is mid-read.
        Path outputFile = Files.createTempFile(tmpDir, "gateway-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MOLTBOT_") || k.startsWith("CLAWDBOT_") || k.startsWith("OPENCLAW_")
                || k.endsWith("_API_KEY") || k.equals("TELEGRAM_BOT_TOKEN") || k.equals("JSUP_HOME")
                || k.equals("JSUP_APP"));
        return new ChildGateway(pb.start(), outputFile);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the "listening on" line and returns the port. */
    int awaitPort() {
        await().atMost(JVM_WAIT).until(() -> lines().stream().anyMatch(l -> LISTENING.matcher(l).find())
                || !process.isAlive());
        for (String l : lines()) {
            Matcher m = LISTENING.matcher(l);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the gateway did not start listening:\n" + output());
    }

    void awaitLine(String part) {
        await().atMost(JVM_WAIT).until(() -> lines().stream().anyMatch(l -> l.contains(part)));
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the gateway did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as jsup or systemd stop it. */
    void terminate() {
        process.destroy();
    }

    List<String> lines() {
        try {
            return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
