package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static jsup.supervisor.daemon.DaemonFixture.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.supervisor.control.ControlException;
import org.junit.jupiter.api.Test;

/**
 * instances, scale and the rolling reload with real processes on one real jsupd (shared by the tests, each
 * with an app of its own that it deletes).
 */
class JsupdInstancesTest extends SharedDaemonTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @Test
    void threeInstancesRunWithTheirIdPortAndLogsAndScaleGrowsAndShrinksTheSet() throws Exception {
        Path seen = DaemonFixture.mkdirs(tmp.resolve("seen"));
        Path script = fx.script("env-writer", "echo \"$JSUP_INSTANCE $NODE_APP_INSTANCE $PORT\" > " + seen
                + "/$JSUP_INSTANCE\ntrap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        deploy("env.json", app("envs", script, "\"instances\": 3, \"increment_var\": \"PORT\", "
                + "\"env\": {\"PORT\": \"4100\"}"));

        await().atMost(WAIT).pollInterval(POLL).until(() -> online("envs") == 3);
        for (int id = 0; id < 3; id++) {
            Path file = seen.resolve(Integer.toString(id));
            await().atMost(WAIT).pollInterval(POLL).until(() -> Files.exists(file) && Files.size(file) > 0);
            assertThat(Files.readString(file).strip()).isEqualTo(id + " " + id + " " + (4100 + id));
        }
        JsonNode second = fx.call("describe", DaemonFixture.args().put("target", "envs:2")).at("/apps/0");
        assertThat(second.path("instance").asInt()).isEqualTo(2);
        assertThat(second.path("instance_of").asText()).isEqualTo("envs");
        assertThat(Path.of(second.path("out_file").asText()).getFileName()).hasToString("envs-out-2.log");

        JsonNode grown = fx.call("scale", DaemonFixture.args().put("target", "envs").put("count", "+2"));
        assertThat(grown.path("added")).extracting(JsonNode::asText).containsExactly("envs:3", "envs:4");
        await().atMost(WAIT).pollInterval(POLL).until(() -> online("envs") == 5);
        await().atMost(WAIT).pollInterval(POLL).until(() -> Files.exists(seen.resolve("4"))
                && Files.readString(seen.resolve("4")).strip().equals("4 4 4104"));

        JsonNode shrunk = fx.call("scale", DaemonFixture.args().put("target", "envs").put("count", "2"));
        assertThat(shrunk.path("removed")).extracting(JsonNode::asText).containsExactly("envs:4", "envs:3", "envs:2");
        assertThat(instances("envs")).containsExactly("envs", "envs:1");

        fx.call("save", DaemonFixture.args());
        JsonNode dump = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fx.home.dump().toFile());
        List<JsonNode> saved = new ArrayList<>();
        dump.path("apps").forEach(a -> {
            if (a.path("name").asText().startsWith("envs")) {
                saved.add(a);
            }
        });
        assertThat(saved).singleElement().satisfies(a -> assertThat(a.at("/config/instances").asInt()).isEqualTo(2));

        fx.call("stop", DaemonFixture.args().put("target", "envs"));
        assertThat(online("envs")).isZero();
    }

    @Test
    void theMemoryCapRestartsOnlyTheInstanceAboveIt() throws Exception {
        // Instance 1 holds ~60 MB; instance 0 stays small. The cap applies to each on its own.
        Path script = fx.script("hungry", "if [ \"$JSUP_INSTANCE\" = 1 ]; then exec perl -e '$SIG{TERM} = sub "
                + "{ exit 0 }; my $x = \"a\" x 60_000_000; sleep 1 while 1'; fi\n"
                + "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        deploy("mem.json", app("mem", script, "\"instances\": 2, \"max_memory_restart\": \"30M\", "
                + "\"memory_check_interval\": \"200ms\""));

        await().atMost(WAIT).pollInterval(POLL).until(() -> reasons("mem:1").stream().anyMatch(r -> r.contains("memory")));
        assertThat(reasons("mem:0")).isEmpty();
    }

    @Test
    void aRollingReloadReplacesEachInstanceWhileTheOthersServe() throws Exception {
        int base = freePorts(3);
        Path server = tmp.resolve("server.pl");
        DaemonFixture.write(server, "use IO::Socket::INET; use Socket;\n"
                + "$SIG{TERM} = sub { exit 0 };\n"
                + "my $srv = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ENV{PORT}, Listen => 64,"
                + " ReuseAddr => 1) or die \"listen $ENV{PORT}: $!\";\n"
                + "socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die \"socket: $!\";\n"
                + "send($s, \"READY=1\", 0, pack_sockaddr_un($ENV{NOTIFY_SOCKET})) or die \"send: $!\";\n"
                + "while (1) { my $c = $srv->accept or next; close $c }\n");
        String web = "{\"name\": \"web\", \"script\": \"" + server + "\", \"interpreter\": \"/usr/bin/perl\","
                + " \"kill_timeout\": 1000, \"wait_ready\": true, \"instances\": 2, \"increment_var\": \"PORT\","
                + " \"env\": {\"PORT\": \"" + base + "\"}}";
        deploy("web.json", web);
        await().atMost(WAIT).pollInterval(POLL).until(() -> ready("web") == 2);

        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicInteger fewestReady = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger emptyMoments = new AtomicInteger();
        AtomicInteger looks = new AtomicInteger();
        Thread client = new Thread(() -> {
            while (reloading.get()) {
                try {
                    fewestReady.accumulateAndGet(ready("web"), Math::min);
                    if (!anyAccepts("127.0.0.1", base, 3)) {
                        emptyMoments.incrementAndGet();
                    }
                    looks.incrementAndGet();
                } catch (ControlException e) {
                    emptyMoments.incrementAndGet();
                }
            }
        }, "reload-client");
        client.start();
        try {
            JsonNode result = fx.call("reload", DaemonFixture.args().put("target", "web"));
            assertThat(result.path("restarted")).extracting(JsonNode::asText).containsExactly("web", "web:1");
            // The file again with one variable more: each instance gets the new definition in turn.
            Path changed = fx.ecosystem("web2.json", web.replace("\"env\": {", "\"env\": {\"RELEASE\": \"2\", "));
            JsonNode redeployed = fx.call("reload", DaemonFixture.args().put("file", changed.toString()));
            assertThat(redeployed.path("restarted")).extracting(JsonNode::asText).containsExactly("web", "web:1");
        } finally {
            reloading.set(false);
            client.join();
        }

        assertThat(looks.get()).as("the client looked during the reload").isPositive();
        assertThat(emptyMoments.get()).as("moments with no instance accepting").isZero();
        assertThat(fewestReady.get()).as("fewest ready instances seen").isGreaterThanOrEqualTo(2);
        assertThat(reasons("web:0")).containsExactly("reload", "redeploy: env.RELEASE");
        assertThat(reasons("web:1")).containsExactly("reload", "redeploy: env.RELEASE");
        assertThat(fx.call("env", DaemonFixture.args().put("target", "web:1")).at("/apps/0/env/RELEASE").asText())
                .isEqualTo("2");
        assertThat(instances("web")).as("the spare is gone").containsExactly("web", "web:1");
    }

    // ---------------------------------------------------------------- helpers

    private static List<JsonNode> apps(String app) throws ControlException {
        List<JsonNode> of = new ArrayList<>();
        fx.call("list", DaemonFixture.args()).path("apps").forEach(a -> {
            String name = a.path("name").asText();
            if (name.equals(app) || name.startsWith(app + ":")) {
                of.add(a);
            }
        });
        return of;
    }

    private static List<String> instances(String app) throws ControlException {
        return apps(app).stream().map(a -> a.path("name").asText()).toList();
    }

    private static int online(String app) throws ControlException {
        return (int) apps(app).stream().filter(a -> a.path("status").asText().equals("online")).count();
    }

    private static int ready(String app) throws ControlException {
        return (int) apps(app).stream().filter(a -> a.path("ready").asBoolean()).count();
    }

    private static List<String> reasons(String name) throws ControlException {
        List<String> reasons = new ArrayList<>();
        fx.call("describe", DaemonFixture.args().put("target", name)).at("/apps/0/restart_history")
                .forEach(r -> reasons.add(r.path("reason").asText()));
        return reasons;
    }

    private static boolean anyAccepts(String host, int base, int ports) {
        for (int p = base; p < base + ports; p++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, p), 1000);
                return true;
            } catch (IOException refused) {
                // the next port
            }
        }
        return false;
    }

    /** A port with {@code n - 1} free ports after it. */
    private static int freePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base + n > 65535) {
                continue;
            }
            boolean free = true;
            for (int p = base + 1; p < base + n && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + n + " consecutive free ports");
    }
}
