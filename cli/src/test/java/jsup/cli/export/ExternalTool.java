package jsup.cli.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a validator the exports are checked with (systemd-analyze, docker-compose): its exit code and output. */
final class ExternalTool {

    /** What one run printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    /** Whether {@code name} is an executable on PATH (tests that need it are skipped otherwise). */
    static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    static Run run(Path cwd, List<String> argv) throws IOException, InterruptedException {
        return run(cwd, argv, java.util.Map.of());
    }

    /** Runs {@code argv} in {@code cwd} with {@code env} added to this JVM's environment. */
    static Run run(Path cwd, List<String> argv, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(argv + " did not end within 60 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** {@code systemd-analyze verify} of every unit file in {@code dir}. */
    static Run verifyUnits(Path dir) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().matches(".*\\.(service|timer|target)$")).sorted()
                    .forEach(f -> argv.add(f.toString()));
        }
        return run(dir, argv);
    }
}
