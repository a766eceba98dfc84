package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.control.ControlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Never two copies": jsupd runs in its own JVM, is SIGKILLed with its apps running, and the next
 * jsupd on the same home owns the same apps with exactly one process each, the old ones gone.
 */
class JsupdCrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private DaemonFixture fx;
    private final List<Process> daemons = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new DaemonFixture(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : daemons) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        fx.close();
    }

    @Test
    void afterKill9TheNextDaemonOwnsTheSameAppsWithExactlyOneProcessEach() throws Exception {
        Process first = spawnDaemon("first");
        Path a = fx.sleeper("alpha");
        Path b = fx.sleeper("beta");
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("alpha", a, ""), DaemonFixture.app("beta", b, ""));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(a).size() == 1 && DaemonFixture.processesOf(b).size() == 1);
        long oldA = DaemonFixture.processesOf(a).get(0);
        long oldB = DaemonFixture.processesOf(b).get(0);
        await().atMost(WAIT).until(() -> stateNames(oldA, oldB));

        first.destroyForcibly(); // SIGKILL: no hook, no cleanup
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(DaemonFixture.alive(oldA)).as("apps outlive a SIGKILLed jsupd").isTrue();
        assertThat(DaemonFixture.alive(oldB)).isTrue();

        Process second = spawnDaemon("second");
        await().atMost(WAIT).until(() -> {
            List<Long> pa = DaemonFixture.processesOf(a);
            List<Long> pb = DaemonFixture.processesOf(b);
            return pa.size() == 1 && pb.size() == 1 && !pa.contains(oldA) && !pb.contains(oldB);
        });
        assertThat(DaemonFixture.alive(oldA)).isFalse();
        assertThat(DaemonFixture.alive(oldB)).isFalse();
        assertThat(Files.readString(fx.home.daemonLog()))
                .contains("[alpha] pid " + oldA + " was left running by a jsupd that died")
                .contains("[beta] pid " + oldB + " was left running by a jsupd that died");
        await().atMost(WAIT).until(() -> {
            JsonNode apps = fx.call("list", null).get("apps");
            return apps.size() == 2 && apps.get(0).get("status").asText().equals("online")
                    && apps.get(1).get("status").asText().equals("online");
        });
        JsonNode apps = fx.call("list", null).get("apps");
        assertThat(apps.get(0).get("pid").asLong()).isEqualTo(DaemonFixture.processesOf(a).get(0));
        assertThat(apps.get(1).get("pid").asLong()).isEqualTo(DaemonFixture.processesOf(b).get(0));
        // Still exactly one each a moment later: nothing else starts a copy.
        assertThat(DaemonFixture.processesOf(a)).hasSize(1);
        assertThat(DaemonFixture.processesOf(b)).hasSize(1);

        // SIGTERM: apps stopped, dump written, exit status 0.
        second.destroy();
        assertThat(second.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(0);
        assertThat(DaemonFixture.processesOf(a)).isEmpty();
        assertThat(DaemonFixture.processesOf(b)).isEmpty();
        JsonNode dump = JSON.readTree(fx.home.dump().toFile());
        assertThat(dump.get("apps")).hasSize(2);
        assertThat(dump.at("/apps/0/running").asBoolean()).isTrue();
        assertThat(fx.home.state()).doesNotExist();
        assertThat(fx.home.socket()).doesNotExist();
    }

    @Test
    void withACorruptStateFileTheNextDaemonStillStopsEveryProcessCarryingThisHomesMark() throws Exception {
        Process first = spawnDaemon("first");
        // The app leaves a grandchild that detached (setsid) and lost its parent: nothing in /proc
        // ties it to the app any more, except the environment it inherited.
        Path orphan = fx.sleeper("orphan");
        Path a = fx.script("alpha", "(setsid /bin/sh " + orphan + " &)\nwhile true; do sleep 0.2; done");
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("alpha", a, ""));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(a).size() == 1
                && DaemonFixture.processesOf(orphan).size() == 1);
        long oldA = DaemonFixture.processesOf(a).get(0);
        long oldOrphan = DaemonFixture.processesOf(orphan).get(0);
        await().atMost(WAIT).until(() -> stateNames(oldA, oldA));

        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(fx.home.state(), "{\"version\": 1, \"apps\": [ {\"name\": \"alp"); // torn write

        spawnDaemon("second");

        // The socket answers only after the clean-up: nothing of the old run may be left by then.
        assertThat(DaemonFixture.alive(oldA)).isFalse();
        assertThat(DaemonFixture.alive(oldOrphan)).isFalse();
        assertThat(DaemonFixture.processesOf(a)).isEmpty();
        assertThat(DaemonFixture.processesOf(orphan)).isEmpty();
        assertThat(Files.readString(fx.home.daemonLog()))
                .contains("is unreadable")
                .contains("[alpha] pid " + oldA + " carries this home's mark")
                .contains("[alpha] pid " + oldOrphan + " carries this home's mark");
    }

    private boolean stateNames(long pidA, long pidB) throws Exception {
        if (!Files.exists(fx.home.state())) {
            return false;
        }
        String state = Files.readString(fx.home.state());
        String compact = state.replace(" ", "");
        return compact.contains("\"pid\":" + pidA + ",") && compact.contains("\"pid\":" + pidB + ",");
    }

    private Process spawnDaemon(String label) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
                Jsupd.class.getName(), fx.home.dir().toString());
        pb.environment().put("HOME", fx.environment.get("HOME"));
        pb.environment().remove(JsupHome.ENV_VAR);
        File out = tmp.resolve("jsupd-" + label + ".out").toFile();
        pb.redirectErrorStream(true).redirectOutput(out);
        Process p = pb.start();
        daemons.add(p);
        await().atMost(WAIT).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("jsupd exited with " + p.exitValue() + ": " + Files.readString(out.toPath()));
            }
            try (ControlClient c = ControlClient.connect(fx.home.dir())) {
                return c.ping().get("pid").asLong() == p.pid();
            } catch (Exception notYet) {
                return false;
            }
        });
        return p;
    }
}
