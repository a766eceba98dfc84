package jsup.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import jsup.gateway.lock.GatewayLock;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway as the supervisor sees it: real JVMs, real signals, real exit codes. */
class GatewayProcessTest {

    private static final String KEY = "sk-process-test-key-0123456789abcdef";

    @TempDir
    Path dir;

    private ChildGateway first;
    private ChildGateway second;

    @AfterEach
    void tearDown() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSecondGatewayExits69NamingTheFirstAndSigtermStopsCleanlyAfterTheReplyInFlight() throws Exception {
        try (FakeModelServer fake = FakeModelServer.start().requireKey(KEY)) {
            fake.slow("m/slow", Duration.ofMillis(700), "answered during shutdown");
            Path config = ConfigFiles.write(dir.resolve("a/moltbot.json"), ConfigFiles.withFakeProvider(fake.baseUrl().toString(), KEY,
                    "fake/m/slow", "[]", ""));
            first = ChildGateway.start(dir, "gateway", "run", "--config", config.toString());
            int port = first.awaitPort();

            // Same config: the lock is held by a live gateway.
            second = ChildGateway.start(dir, "gateway", "run", "--config", config.toString(), "--lock-wait-ms", "300");
            assertThat(second.waitForExit(ChildGateway.JVM_WAIT)).as(second.output()).isEqualTo(ExitCodes.INSTANCE_RUNNING);
            assertThat(second.output()).contains("gateway already running: pid " + first.pid()).contains("lock timeout after 300ms")
                    .contains("kill " + first.pid());

            // Another config on the same port: the port is held, and its holder named.
            Path other = ConfigFiles.write(dir.resolve("b/moltbot.json"), "{ \"gateway\": { \"port\": " + port + " } }");
            second = ChildGateway.start(dir, "gateway", "run", "--config", other.toString());
            assertThat(second.waitForExit(ChildGateway.JVM_WAIT)).as(second.output()).isEqualTo(ExitCodes.INSTANCE_RUNNING);
            assertThat(second.output()).contains("port " + port + " on 127.0.0.1 is already in use by pid " + first.pid());

            Path lock;
            try (Stream<Path> files = Files.walk(dir)) {
                lock = files.filter(p -> p.getFileName().toString().endsWith(".lock")).findFirst().orElseThrow();
            }
            HttpCalls http = new HttpCalls(port, null);
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> http.chat("a slow question"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !fake.requests().isEmpty());

            first.terminate();

            assertThat(inFlight.get()).isEqualTo("answered during shutdown");
            assertThat(first.waitForExit(ChildGateway.JVM_WAIT)).as(first.output()).isEqualTo(ExitCodes.OK);
            assertThat(lock).as("the lock is released on SIGTERM").doesNotExist();
            assertThat(first.output()).contains("gateway stopped").doesNotContain(KEY);
            assertThat(second.output()).doesNotContain(KEY);
        }
    }

    @Test
    void aStaleLockFromAKilledGatewayIsTakenOver() throws Exception {
        Path config = ConfigFiles.write(dir.resolve("moltbot.json"), "{ \"gateway\": { \"port\": 0 } }");
        first = ChildGateway.start(dir, "gateway", "run", "--config", config.toString());
        first.awaitPort();
        first.close(); // SIGKILL: no chance to release the lock

        second = ChildGateway.start(dir, "gateway", "run", "--config", config.toString(), "--lock-wait-ms", "300");
        second.awaitPort();
        assertThat(second.output()).contains("took over stale gateway lock").contains("pid " + first.pid());
        second.terminate();
        assertThat(second.waitForExit(ChildGateway.JVM_WAIT)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anEmptyLockFileThatNobodyHoldsDoesNotStopTheStart() throws Exception {
        // A crash between creating and writing the file, or a full disk, leaves it empty.
        Path config = ConfigFiles.write(dir.resolve("moltbot.json"), "{ \"gateway\": { \"port\": 0 } }");
        Path lock = GatewayLock.defaultFile(dir, config);
        Files.createDirectories(lock.getParent());
        Files.write(lock, new byte[0]);

        first = ChildGateway.start(dir, "gateway", "run", "--config", config.toString(), "--lock-wait-ms", "300");
        first.awaitPort();
        assertThat(first.output()).contains("took over stale gateway lock " + lock + " from an owner whose file is empty or unreadable");
        assertThat(first.output()).as("which config file, and why").contains("config " + config + " (--config)");
        assertThat(Files.readString(lock)).contains("\"pid\":" + first.pid());
        first.terminate();
        assertThat(first.waitForExit(ChildGateway.JVM_WAIT)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void restartWithoutJsupdRepliesThenExits75ForTheSupervisorToRestartIt() throws Exception {
        String token = "process-test-gateway-token-0123";
        Path config = ConfigFiles.write(dir.resolve("moltbot.json"), "{ \"gateway\": { \"port\": 0, \"auth\": { \"token\": \"" + token
                + "\" } }, \"commands\": { \"restart\": true } }");
        first = ChildGateway.start(dir, "gateway", "run", "--config", config.toString());
        HttpCalls http = new HttpCalls(first.awaitPort(), token);

        assertThat(http.chat("/restart")).startsWith("⚙️ Restarting the gateway");

        assertThat(first.waitForExit(ChildGateway.JVM_WAIT)).as(first.output()).isEqualTo(ExitCodes.RESTART);
        assertThat(first.output()).contains("exiting with code 75").contains("released gateway lock");
    }

    @Test
    void anInvalidConfigExits78ListingEveryProblem() throws Exception {
        Path config = ConfigFiles.write(dir.resolve("moltbot.json"),
                "{ \"gateway\": { \"port\": -1 }, \"channels\": { \"telegram\": { \"enabled\": true } } }");
        first = ChildGateway.start(dir, "gateway", "run", "--config", config.toString());
        assertThat(first.waitForExit(ChildGateway.JVM_WAIT)).isEqualTo(ExitCodes.CONFLICT);
        assertThat(first.output()).contains("gateway.port: -1 is out of range").contains("channels.telegram.botToken: missing");
    }
}
