package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ControlProtocol;
import jsup.supervisor.control.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real jsupd (in this JVM) on a real socket in a temp {@code $JSUP_HOME}, with real app processes. */
class JsupdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private DaemonFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DaemonFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void homeIsPrivateAndSocketIsOwnerOnly() throws Exception {
        fx.start();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.home.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.home.socket()))).isEqualTo("rw-------");
        assertThat(Files.readString(fx.home.pidFile()).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        JsonNode pong = fx.call("ping", null);
        assertThat(pong.get("pong").asBoolean()).isTrue();
        assertThat(pong.get("home").asText()).isEqualTo(fx.home.dir().toString());
        assertThat(pong.get("protocol").asInt()).isEqualTo(ControlProtocol.VERSION);
    }

    @Test
    void secondDaemonOnTheSameHomeFailsFastNamingThePid() throws Exception {
        fx.start();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Jsupd.start(fx.home, new Jsupd.Options(fx.environment, true)))
                .isInstanceOf(AlreadyRunningException.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining(fx.home.dir().toString());
        assertThat(Jsupd.run(fx.home, new Jsupd.Options(fx.environment, true))).isEqualTo(Jsupd.EXIT_ALREADY_RUNNING);
        // The lock is tried, never waited for: a daemon that waited would hang here; the bound is generous.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        // The first one is unharmed.
        assertThat(fx.call("ping", null).get("pong").asBoolean()).isTrue();
    }

    @Test
    void startListDescribeStopRestartDeleteFromAnEcosystemFile() throws Exception {
        fx.start();
        Path a = fx.sleeper("a");
        Path b = fx.sleeper("b");
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("a", a, ""), DaemonFixture.app("b", b, ""));

        JsonNode started = fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        assertThat(names(started.get("started"))).containsExactly("a", "b");
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(a).size() == 1 && DaemonFixture.processesOf(b).size() == 1);

        // Starting what already runs changes nothing and says so.
        long pidA = DaemonFixture.processesOf(a).get(0);
        JsonNode again = fx.call("start", DaemonFixture.args().put("file", eco.toString()));
        assertThat(names(again.get("already_running"))).containsExactly("a", "b");
        assertThat(names(again.get("started"))).isEmpty();
        assertThat(DaemonFixture.processesOf(a)).containsExactly(pidA);

        await().atMost(WAIT).until(() -> statusOf("a").equals("online"));
        JsonNode list = fx.call("list", null).get("apps");
        assertThat(list).hasSize(2);
        JsonNode appA = list.get(0);
        assertThat(appA.get("name").asText()).isEqualTo("a");
        assertThat(appA.get("pid").asLong()).isEqualTo(pidA);
        assertThat(appA.get("want").asText()).isEqualTo("up");
        assertThat(appA.get("health").asText()).isEqualTo("none");
        assertThat(appA.get("out_file").asText()).endsWith("a-out.log");
        assertThat(appA.has("config")).isFalse();

        JsonNode described = fx.call("describe", DaemonFixture.args().put("target", "a")).get("apps").get(0);
        assertThat(described.at("/config/script").asText()).isEqualTo(a.toString());

        JsonNode stopped = fx.call("stop", DaemonFixture.args().put("target", "a"));
        assertThat(names(stopped.get("stopped"))).containsExactly("a");
        assertThat(stopped.at("/apps/0/status").asText()).isEqualTo("stopped");
        assertThat(DaemonFixture.alive(pidA)).isFalse();
        assertThat(names(fx.call("stop", DaemonFixture.args().put("target", "a")).get("already_stopped")))
                .containsExactly("a");

        long pidB = DaemonFixture.processesOf(b).get(0);
        JsonNode restarted = fx.call("restart", DaemonFixture.args().put("target", "b"));
        assertThat(names(restarted.get("restarted"))).containsExactly("b");
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(b).size() == 1 && !DaemonFixture.processesOf(b).contains(pidB));
        JsonNode history = fx.call("describe", DaemonFixture.args().put("target", "1")).at("/apps/0/restart_history");
        assertThat(history.get(history.size() - 1).get("reason").asText()).isEqualTo("manual");

        JsonNode deleted = fx.call("delete", DaemonFixture.args().put("target", "all"));
        assertThat(names(deleted.get("deleted"))).containsExactly("a", "b");
        assertThat(fx.call("list", null).get("apps")).isEmpty();
        assertThat(DaemonFixture.processesOf(b)).isEmpty();
    }

    @Test
    void startAScriptThenByNameAndUnknownTargetsAreErrors() throws Exception {
        fx.start();
        Path s = fx.sleeper("solo");
        JsonNode started = fx.call("start", DaemonFixture.args().put("script", s.toString()).put("name", "solo"));
        assertThat(names(started.get("started"))).containsExactly("solo");
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(s).size() == 1);
        fx.call("stop", DaemonFixture.args().put("target", "solo"));
        assertThat(names(fx.call("start", DaemonFixture.args().put("target", "solo")).get("started")))
                .containsExactly("solo");
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(s).size() == 1);

        assertThatThrownBy(() -> fx.call("stop", DaemonFixture.args().put("target", "nope")))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_APP);
                    assertThat(e.getMessage()).contains("nope").contains("solo");
                });
        assertThatThrownBy(() -> fx.call("start", DaemonFixture.args().put("file", "relative/eco.json")))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        Path bad = fx.ecosystem("bad.json", "{\"name\": \"x\", \"script\": \"" + s + "\", \"max_memory_restart\": \"500X\"}");
        assertThatThrownBy(() -> fx.call("start", DaemonFixture.args().put("file", bad.toString())))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.path()).contains("max_memory_restart"));
                });
    }

    @Test
    void garbageOversizedAndUnknownRequestsGetErrorsAndTheDaemonLives() throws Exception {
        fx.start();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(fx.home.socket()));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            assertThat(code(exchange(ch, in, "{{{ garbage"))).isEqualTo("BAD_REQUEST");
            assertThat(code(exchange(ch, in, "{\"v\":1,\"cmd\":\"" + "x".repeat(ControlProtocol.MAX_REQUEST_BYTES) + "\"}")))
                    .isEqualTo("TOO_LARGE");
            assertThat(code(exchange(ch, in, "{\"v\":1,\"cmd\":\"explode\"}"))).isEqualTo("UNKNOWN_COMMAND");
            assertThat(code(exchange(ch, in, "{\"v\":2,\"cmd\":\"ping\"}"))).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(code(exchange(ch, in, "{\"v\":1,\"cmd\":\"describe\",\"target\":[1]}"))).isEqualTo("BAD_REQUEST");
            assertThat(exchange(ch, in, "{\"v\":1,\"cmd\":\"ping\"}").at("/result/pong").asBoolean()).isTrue();
        }
        assertThat(fx.call("ping", null).get("pong").asBoolean()).isTrue();
    }

    @Test
    void twoClientsAtOnce() throws Exception {
        fx.start();
        Path s = fx.sleeper("busy");
        fx.call("start", DaemonFixture.args().put("script", s.toString()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try (ControlClient c = ControlClient.connect(fx.home.dir())) {
                        int seen = 0;
                        for (int k = 0; k < 25; k++) {
                            seen += c.list().get("apps").size();
                        }
                        return seen;
                    }
                }));
            }
            for (Future<Integer> r : runs) {
                assertThat(r.get(20, TimeUnit.SECONDS)).isEqualTo(25);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void saveThenANewDaemonResurrectsAndACorruptDumpFallsBackToTheBackup() throws Exception {
        Jsupd first = fx.start();
        Path s = fx.sleeper("keeper");
        Path idle = fx.sleeper("idle");
        fx.call("start", DaemonFixture.args().put("file",
                fx.ecosystem("eco.json", DaemonFixture.app("keeper", s, ""), DaemonFixture.app("idle", idle, "")).toString()));
        fx.call("stop", DaemonFixture.args().put("target", "idle"));
        JsonNode saved = fx.call("save", null);
        assertThat(saved.get("apps").asInt()).isEqualTo(2);
        assertThat(saved.get("path").asText()).isEqualTo(fx.home.dump().toString());
        fx.call("save", null); // the first save becomes the .bak
        assertThat(fx.home.dumpBackup()).exists();

        JsonNode killed = fx.call("kill", null);
        assertThat(names(killed.get("stopped"))).containsExactly("keeper");
        first.awaitExit();
        assertThat(fx.home.socket()).doesNotExist();
        assertThat(fx.home.state()).doesNotExist();
        assertThat(DaemonFixture.processesOf(s)).isEmpty();

        // A new daemon brings back what was saved: keeper running, idle registered but stopped.
        Jsupd second = fx.start();
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(s).size() == 1);
        assertThat(statusOf("idle")).isEqualTo("stopped");
        fx.call("kill", null);
        // The socket goes before the lock does: start the third daemon once the second has let go of it.
        second.awaitExit();

        Files.writeString(fx.home.dump(), "{\"apps\": [ truncated");
        fx.start(false);
        JsonNode resurrected = fx.call("resurrect", null);
        assertThat(resurrected.get("path").asText()).isEqualTo(fx.home.dumpBackup().toString());
        assertThat(resurrected.get("warnings").get(0).asText()).contains("corrupt").contains("dump.json.bak");
        assertThat(names(resurrected.get("started"))).containsExactly("keeper");
        assertThat(names(resurrected.get("registered"))).containsExactly("idle");
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(s).size() == 1);

        // Saving over a corrupt dump must not destroy the good backup.
        fx.call("save", null);
        assertThat(DumpFile.isReadable(fx.home.dump())).isTrue();
        assertThat(DumpFile.isReadable(fx.home.dumpBackup())).isTrue();
    }

    @Test
    void neitherDumpNorBackupUsableIsAnErrorNotACrash() throws Exception {
        Files.createDirectories(fx.home.dir());
        Files.writeString(fx.home.dump(), "not json");
        fx.start();
        assertThatThrownBy(() -> fx.call("resurrect", null))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.getMessage()).contains("dump.json").contains("dump.json.bak");
                });
        assertThat(fx.call("ping", null).get("pong").asBoolean()).isTrue();
    }

    @Test
    void closeLikeSigtermStopsAppsWritesTheDumpAndRemovesState() throws Exception {
        Jsupd d = fx.start();
        Path s = fx.sleeper("svc");
        fx.call("start", DaemonFixture.args().put("script", s.toString()).put("name", "svc"));
        await().atMost(WAIT).until(() -> DaemonFixture.processesOf(s).size() == 1);
        await().atMost(WAIT).until(() -> Files.exists(fx.home.state())
                && Files.readString(fx.home.state()).replace(" ", "").contains("\"pid\":" + DaemonFixture.processesOf(s).get(0) + ","));
        d.close();
        assertThat(DaemonFixture.processesOf(s)).isEmpty();
        assertThat(fx.home.state()).doesNotExist();
        assertThat(fx.home.pidFile()).doesNotExist();
        JsonNode dump = JSON.readTree(fx.home.dump().toFile());
        assertThat(dump.at("/apps/0/name").asText()).isEqualTo("svc");
        assertThat(dump.at("/apps/0/running").asBoolean()).isTrue();
    }

    @Test
    void signalResetFlushAndLogsInfo() throws Exception {
        fx.start();
        Path s = fx.script("talker", "trap 'echo got-usr1' USR1\necho hello\nwhile true; do sleep 0.1; done");
        fx.call("start", DaemonFixture.args().put("script", s.toString()).put("name", "talker"));
        JsonNode info = fx.call("logs-info", DaemonFixture.args().put("target", "talker"));
        Path out = Path.of(info.at("/apps/0/out_file").asText());
        assertThat(info.get("daemon_log").asText()).isEqualTo(fx.home.daemonLog().toString());
        await().atMost(WAIT).until(() -> Files.exists(out) && Files.readString(out).contains("hello"));

        JsonNode signalled = fx.call("signal", DaemonFixture.args().put("signal", "SIGUSR1").put("target", "talker"));
        assertThat(names(signalled.get("signalled"))).containsExactly("talker");
        await().atMost(WAIT).until(() -> Files.readString(out).contains("got-usr1"));

        fx.call("flush", DaemonFixture.args().put("target", "talker"));
        assertThat(Files.readString(out)).doesNotContain("hello");
        fx.call("signal", DaemonFixture.args().put("signal", "USR1").put("target", "talker"));
        await().atMost(WAIT).until(() -> Files.readString(out).startsWith("got-usr1"));

        assertThatThrownBy(() -> fx.call("signal", DaemonFixture.args().put("signal", "SIGNOPE").put("target", "talker")))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(names(fx.call("reset", DaemonFixture.args().put("target", "talker")).get("reset")))
                .containsExactly("talker");
        assertThat(fx.home.daemonLog()).exists();
        assertThat(Files.readString(fx.home.daemonLog())).contains("jsupd ready");
    }

    private String statusOf(String app) throws ControlException {
        return fx.call("describe", DaemonFixture.args().put("target", app)).at("/apps/0/status").asText();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String code(JsonNode response) {
        assertThat(response.get("ok").asBoolean()).isFalse();
        return response.at("/error/code").asText();
    }

    private static JsonNode exchange(SocketChannel ch, BufferedReader in, String line) throws Exception {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return JSON.readTree(in.readLine());
    }
}
