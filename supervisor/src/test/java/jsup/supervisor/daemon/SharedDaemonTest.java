package jsup.supervisor.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.ControlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real jsupd shared by the tests of a class (starting one per test costs seconds on a busy machine), each
 * test with apps of its own that it deploys with {@link #deploy} and that are deleted after it.
 */
abstract class SharedDaemonTest {

    @TempDir
    static Path tmp;

    static DaemonFixture fx;
    /** The apps the running test deployed, deleted after it (a test that deletes one itself removes it). */
    final List<String> created = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws Exception {
        fx = new DaemonFixture(tmp);
        fx.start(false);
    }

    @AfterAll
    static void stopDaemon() {
        fx.close();
    }

    @AfterEach
    void deleteApps() throws ControlException {
        for (String name : created) {
            fx.call("delete", DaemonFixture.args().put("target", name));
        }
    }

    /** Starts the ecosystem file {@code file} of {@code apps}; their apps are deleted after the test. */
    void deploy(String file, String... apps) throws ControlException {
        for (String a : apps) {
            String name = a.substring(a.indexOf("\"name\": \"") + 9);
            created.add(name.substring(0, name.indexOf('"')));
        }
        fx.call("start", DaemonFixture.args().put("file", fx.ecosystem(file, apps).toString()));
    }
}
