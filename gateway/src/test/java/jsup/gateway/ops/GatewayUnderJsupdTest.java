package jsup.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway ({@code jsup.gateway.Main gateway run}) as an app of a real jsupd: jsupd's
 * {@code JSUP_HOME} and {@code JSUP_APP} wire it to the control socket, and the web chat's
 * {@code /status}, {@code /logs} and {@code /restart} go through jsupd.
 */
class GatewayUnderJsupdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    /** Not the default name, so a gateway that ignored JSUP_APP would ask jsupd to restart the wrong app. */
    private static final String GATEWAY = "gw-under-test";

    @TempDir
    Path dir;
    private static final String TOKEN = "ops-test-gateway-token-0123";

    private JsupdProcess jsupd;

    @AfterEach
    void stopDaemon() {
        if (jsupd != null) {
            jsupd.close();
        }
    }

    @Test
    void statusLogsAndRestartGoThroughJsupd() throws Exception {
        jsupd = JsupdProcess.start(dir);
        Path config = dir.resolve("moltbot.json");
        // Operator commands over HTTP need the gateway token.
        Files.writeString(config, "{\"commands\": {\"restart\": true}, \"gateway\": {\"auth\": {\"token\": \"" + TOKEN + "\"}}}\n");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path sleeper = jsupd.script("sleeper", "echo \"sleeper up\"\ntrap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        String gatewayArgs = JSON.writeValueAsString(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "jsup.gateway.Main",
                "gateway", "run", "--port", "0", "--config", config.toString()));
        jsupd.startApps("[{\"name\": \"sleeper\", \"script\": \"" + sleeper + "\", \"interpreter\": \"/bin/sh\"},"
                + "{\"name\": \"" + GATEWAY + "\", \"script\": \"" + JsupdProcess.java() + "\", \"interpreter\": \"none\","
                + " \"args\": " + gatewayArgs + ", \"env\": {\"MOLTBOT_STATE_DIR\": \"" + dir.resolve("state") + "\"},"
                + " \"kill_timeout\": 8000, \"min_uptime\": 200}]");
        JsonNode gateway = jsupd.app(GATEWAY);
        long firstPid = gateway.path("pid").asLong();
        List<Path> logs = List.of(Path.of(gateway.path("out_file").asText()), Path.of(gateway.path("error_file").asText()));
        int port = awaitListening(logs, 1);

        String status = chat(port, "/status");
        assertThat(status).contains("Supervised apps (jsupd):");
        assertThat(status.lines().map(l -> l.split("\\s+")))
                .anySatisfy(cells -> assertThat(cells).startsWith("0", "sleeper").contains("online"))
                .anySatisfy(cells -> assertThat(cells).startsWith("1", GATEWAY, Long.toString(firstPid), "online"));

        await().atMost(Duration.ofSeconds(120)).until(() -> chat(port, "/logs sleeper").contains("sleeper up"));
        assertThat(chat(port, "/logs sleeper 5")).startsWith("Logs of sleeper:").contains("── out (sleeper-out.log) ──");
        assertThat(chat(port, "/logs nope"))
                .isEqualTo("⚠️ Cannot read the logs of nope: jsupd has no app named \"nope\"; /status lists the apps it supervises");

        // The reply arrives first; jsupd restarts the gateway after it.
        assertThat(chat(port, "/restart")).isEqualTo("⚙️ Restarting the gateway: jsupd restarts it in a moment.");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode now = jsupd.app(GATEWAY);
            return now.path("pid").asLong() > 0 && now.path("pid").asLong() != firstPid
                    && now.path("status").asText().equals("online");
        });
        JsonNode restarted = jsupd.app(GATEWAY);
        JsonNode history = restarted.path("restart_history");
        assertThat(history.get(history.size() - 1).path("reason").asText()).isEqualTo("manual");
        assertThat(restarted.path("restarts").asInt()).isEqualTo(1);

        int newPort = awaitListening(logs, 2);
        assertThat(get(newPort, "/healthz").statusCode()).isEqualTo(200);
        assertThat(chat(newPort, "/status")).contains("Supervised apps (jsupd):");
    }

    /** Waits until the gateway has logged its {@code count}-th "listening on" line and returns that port. */
    private static int awaitListening(List<Path> logs, int count) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> ports(logs).size() >= count);
        return ports(logs).get(count - 1);
    }

    private static List<Integer> ports(List<Path> logs) {
        List<Integer> ports = new ArrayList<>();
        for (Path log : logs) {
            try {
                if (Files.exists(log)) {
                    Matcher m = LISTENING.matcher(Files.readString(log));
                    while (m.find()) {
                        ports.add(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    private static String chat(int port, String message) throws Exception {
        String body = JSON.createObjectNode().put("message", message).put("session", "ops-test").toString();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST /api/chat %s: %s", message, r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("reply").asText();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
