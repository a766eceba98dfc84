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
 * The README's quick start, for real: after {@code package}, {@code bin/jsup start <the moltbot
 * example>} from the repository root starts jsupd and the gateway (no token, no key), {@code bin/jsup
 * list} shows it online, and its web chat answers.
 *
 * <p>Runs with the built jars ({@code JSUP_JAR}, {@code JSUP_GATEWAY_JAR}: the launchers' documented
 * overrides, pointed at where this build put them) and a temporary {@code HOME}, so the default
 * {@code ~/.jsup} and the gateway's {@code ~/.moltbot} are this test's own.
 *
 * <p>The example's port is fixed (18789), and a reader who just ran the README's first command has a
 * gateway there. So the test runs a copy of {@code examples/moltbot} that differs only in the port
 * (a free one of its own) and the launcher's path (absolute, since the copy lives elsewhere), and
 * checks at the end that what answered on that port is the gateway this jsup started.
 */
class QuickStartIT {

    private static final Path ROOT = Path.of(System.getProperty("jsup.repoRoot", "..")).toAbsolutePath().normalize();
    private static final int EXAMPLE_PORT = 18789;
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
        int port = freePort();
        Path example = exampleOnPort(port);

        Result start = run("start", example.resolve("ecosystem.json").toString());
        assertThat(start.exit).as(start.text).isZero();
        assertThat(start.text).contains("moltbot-gateway");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("<html");
        });

        Result list = run("list");
        assertThat(list.exit).as(list.text).isZero();
        assertThat(list.text).containsPattern("moltbot-gateway\\s+\\d+\\s+online");

        HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"/help\",\"session\":\"quickstart\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(chat.body()).contains("/status");

        assertPortHeldBy(port, gatewayPid());
    }

    /** A port nobody listens on now (the kernel's pick), for this test's gateway. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return probe.getLocalPort();
        }
    }

    /**
     * A copy of {@code examples/moltbot} in this test's home whose only differences are the port
     * and the launcher's path; the assertions prove that each replaced text was there to replace.
     */
    private Path exampleOnPort(int port) throws IOException {
        Path source = ROOT.resolve("examples/moltbot");
        Path copy = Files.createDirectories(home.resolve("moltbot-example"));
        String eco = Files.readString(source.resolve("ecosystem.json"));
        String launcher = "\"../../bin/jsup-gateway\"";
        assertThat(eco).contains(launcher, Integer.toString(EXAMPLE_PORT));
        eco = eco.replace(launcher, JSON.writeValueAsString(ROOT.resolve("bin/jsup-gateway").toString()))
                .replace(Integer.toString(EXAMPLE_PORT), Integer.toString(port));
        Files.writeString(copy.resolve("ecosystem.json"), eco);
        String config = Files.readString(source.resolve("moltbot.json"));
        assertThat(config).contains("\"port\": " + EXAMPLE_PORT);
        Files.writeString(copy.resolve("moltbot.json"), config.replace(Integer.toString(EXAMPLE_PORT), Integer.toString(port)));
        return copy;
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
    private static void assertPortHeldBy(int port, long appPid) {
        assertThat(appPid).isPositive();
        List<PortHolder> holders = new PortOwners(ProcFs.SYSTEM).holders(port);
        assertThat(holders).as("listeners on port %d", port).isNotEmpty().allSatisfy(h -> {
            int sid = ProcFs.SYSTEM.stat(h.pid()).map(ProcInfo::sid).orElse(-1);
            assertThat(h.pid() == appPid || sid == appPid)
                    .as("port %d is held by %s, not by the gateway jsup started (pid %d)", port, h.describe(), appPid).isTrue();
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
