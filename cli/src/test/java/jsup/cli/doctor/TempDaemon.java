package jsup.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import jsup.cli.CliRun;

/**
 * A real jsupd in a temp {@code $JSUP_HOME}, started the way a user starts one (the first
 * {@code jsup start} spawns it detached), with {@code jsup} run in this JVM. {@link #close()} runs
 * {@code jsup kill} and then SIGKILLs whatever of jsupd and its apps is left.
 */
public final class TempDaemon implements AutoCloseable {

    private final Path home;

    public TempDaemon(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** {@code jsup args…} in this JVM against this home. */
    public CliRun.Result jsup(String... args) {
        return jsup(Map.of(), args);
    }

    /** {@code jsup args…} with extra environment variables. */
    public CliRun.Result jsup(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("JSUP_HOME", home.toString());
        return CliRun.run(all, args);
    }

    /** Writes an executable script. */
    public static Path script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Override
    public void close() throws IOException {
        Path pidFile = home.resolve("jsupd.pid");
        long pid = Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
        try {
            jsup("kill");
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
