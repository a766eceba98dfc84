package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.PortHolder;
import jsup.healthmon.proc.PortOwners;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, for real: after {@code package}, {@code bin/jsup start
 * examples/moltbot/ecosystem.json} from the repository root starts jsupd and the gateway (no token,
 * no key), {@code bin/jsup list} shows it online, and its web chat answers on 127.0.0.1:18789.
 *
 * <p>Runs with the built jars ({@code JSUP_JAR}, {@code JSUP_GATEWAY_JAR}: the launchers' documented
 * overrides, pointed at where this build put them) and a temporary {@code HOME}, so the default
 * {@code ~/.jsup} and the gateway's {@code ~/.moltbot} are this test's own.
 *
 * <p>The quick start's port is fixed (18789), so the test first proves that nothing holds it, and at
 * the end that what answered on it is the gateway this jsup started: otherwise another gateway on the
 * machine could answer its HTTP checks and make it pass.
 */
class QuickStartIT {

    private static final Path ROOT = Path.of(System.getProperty("jsup.repoRoot", "..")).toAbsolutePath().normalize();
    private static final int PORT = 18789;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @AfterEach
    void killEverything() throws Exception {
        run("kill");
    }

    @Test
    void theReadmeRunCommandStartsTheGatewayUnderJsup() throws Exception {
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("bin/jsup start examples/moltbot/ecosystem.json && bin/jsup list");
        assertPortFree();

        Result start = run("start", "examples/moltbot/ecosystem.json");
        assertThat(start.exit).as(start.text).isZero();
        assertThat(start.text).contains("moltbot-gateway");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18789/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("<html");
        });

        Result list = run("list");
        assertThat(list.exit).as(list.text).isZero();
        assertThat(list.text).containsPattern("moltbot-gateway\\s+\\d+\\s+online");

        HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18789/api/chat"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"/help\",\"session\":\"quickstart\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(chat.body()).contains("/status");

        assertPortHeldBy(gatewayPid());
    }

    /** Fails, naming the holder, when 127.0.0.1:18789 is taken: the checks would reach someone else's server. */
    private static void assertPortFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a connection of an earlier run in TIME_WAIT does not hold the port
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT));
        } catch (IOException e) {
            List<String> holders = new PortOwners(ProcFs.SYSTEM).holders(PORT).stream().map(PortHolder::describe).toList();
            throw new AssertionError("port " + PORT + " on 127.0.0.1 is already in use" + (holders.isEmpty() ? "" : " by " + holders)
                    + " (" + e.getMessage() + "); the quick start needs it: stop that process (e.g. jsup kill, or kill its pid)"
                    + " and run the test again");
        }
    }

    /** The pid jsup reports for the gateway. */
    private long gatewayPid() throws Exception {
        Result list = run("list", "--json");
        assertThat(list.exit).as(list.text).isZero();
        for (JsonNode app : JSON.readTree(list.text.substring(Math.max(0, list.text.indexOf('['))))) {
            if (app.path("name").asText().equals("moltbot-gateway")) {
                return app.path("pid").asLong();
            }
        }
        throw new AssertionError("no moltbot-gateway in jsup list --json: " + list.text);
    }

    /** Every listener on the port is the app jsup started or runs in its session (jsup starts each app with setsid). */
    private static void assertPortHeldBy(long appPid) {
        assertThat(appPid).isPositive();
        List<PortHolder> holders = new PortOwners(ProcFs.SYSTEM).holders(PORT);
        assertThat(holders).as("listeners on port %d", PORT).isNotEmpty().allSatisfy(h -> {
            int sid = ProcFs.SYSTEM.stat(h.pid()).map(ProcInfo::sid).orElse(-1);
            assertThat(h.pid() == appPid || sid == appPid)
                    .as("port %d is held by %s, not by the gateway jsup started (pid %d)", PORT, h.describe(), appPid).isTrue();
        });
    }

    private record Result(int exit, String text) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("bin/jsup").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JSUP_HOME");
        env.remove("JSUP_CLASSPATH");
        env.put("HOME", home.toString());
        env.put("JSUP_JAR", System.getProperty("jsup.jar", ROOT.resolve("cli/target/jsup.jar").toString()));
        env.put("JSUP_GATEWAY_JAR",
                System.getProperty("jsup.gatewayJar", ROOT.resolve("gateway/target/jsup-gateway.jar").toString()));
        Path out = Files.createTempFile(home, "jsup", ".out");
        Process p = pb.redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jsup " + String.join(" ", args) + " did not finish within 90 s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), text);
    }
}
