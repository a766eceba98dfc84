package jsup.supervisor.log;

import static org.assertj.core.api.Assertions.assertThat;

import jsup.supervisor.process.Spawner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every capture test again with the children started by {@link ProcessBuilder} on the selector's
 * pipes (by their {@code /proc/self/fd} paths), as where {@code posix_spawn} cannot load.
 */
class JdkSpawnCaptureTest extends AppLogCaptureTest {

    @BeforeEach
    void spawnWithTheJdk() {
        System.setProperty(Spawner.JDK_SPAWN_PROPERTY, "true");
    }

    @AfterEach
    void spawnNativelyAgain() {
        System.clearProperty(Spawner.JDK_SPAWN_PROPERTY);
    }

    @Test
    void theseChildrenAreTheJdks() throws Exception {
        assertThat(Spawner.spawnsNatively()).isFalse();
    }
}
