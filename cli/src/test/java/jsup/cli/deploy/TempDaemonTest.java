package jsup.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.doctor.TempDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real jsupd in a temp {@code $JSUP_HOME} for a whole test class, {@code jsup} run in this JVM
 * against it; each test uses its own app names, so none depends on another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TempDaemonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    TempDaemon daemon;

    @BeforeAll
    void startDaemon(@TempDir Path tmp) throws IOException {
        dir = tmp;
        daemon = new TempDaemon(tmp.resolve("home"));
        writeScripts();
    }

    @AfterAll
    void stopDaemon() throws IOException {
        daemon.close();
    }

    /** The scripts the class's tests start, written to {@link #dir}. */
    abstract void writeScripts() throws IOException;

    CliRun.Result ok(Map<String, String> env, String... args) {
        CliRun.Result r = daemon.jsup(env, args);
        assertThat(r.exitCode()).as("jsup %s\n%s", String.join(" ", args), r).isZero();
        return r;
    }

    CliRun.Result ok(String... args) {
        return ok(Map.of(), args);
    }

    JsonNode describe(String name) throws IOException {
        return JSON.readTree(ok("describe", name, "--json").out()).get(0);
    }
}
