package jsup.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2, scripted: large messages from many chats at once, on the launcher's heap flags.
 * Every request gets an answer (200, or 413 for a body over 64 KiB, or 503 when busy), and the
 * process stays below the example's max_memory_restart.
 */
class MemoryLoadTest {

    private static final int CHATS = 30;
    private static final int MESSAGES_PER_CHAT = 5;
    private static final long RSS_BOUND = 400L * 1024 * 1024;

    @TempDir
    Path dir;

    private ChildGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void largeMessagesFromManyChatsAreAllAnsweredAndRssStaysUnderTheCap() throws Exception {
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.answer("m/a", "noted");
            Path config = ConfigFiles.write(dir.resolve("moltbot.json"), ConfigFiles.withFakeProvider(fake.baseUrl().toString(), null,
                    "fake/m/a", "[]", "").replace("\"timeoutSeconds\": 30", "\"timeoutSeconds\": 30, \"historyLimit\": 2"));
            gateway = ChildGateway.start(dir, List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                    "gateway", "run", "--config", config.toString());
            HttpCalls http = new HttpCalls(gateway.awaitPort(), null);

            String big = "y".repeat(60_000);
            String tooBig = "z".repeat(70_000);
            ExecutorService eight = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            try {
                for (int m = 0; m < MESSAGES_PER_CHAT; m++) {
                    for (int c = 0; c < CHATS; c++) {
                        String body = HttpCalls.JSON.createObjectNode().put("session", "load-" + c)
                                .put("message", (c + m) % 10 == 0 ? tooBig : big).toString();
                        statuses.add(eight.submit(() -> {
                            HttpResponse<String> r = http.post("/api/chat", body);
                            return r.statusCode();
                        }));
                    }
                }
                List<Integer> answered = new ArrayList<>();
                for (Future<Integer> f : statuses) {
                    answered.add(f.get(120, TimeUnit.SECONDS));
                }
                assertThat(answered).hasSize(CHATS * MESSAGES_PER_CHAT).allMatch(s -> Set.of(200, 413, 503).contains(s));
                assertThat(answered).contains(200, 413);
            } finally {
                eight.shutdownNow();
            }

            assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
            long rss = rssBytes(gateway.pid());
            System.out.println("gateway RSS after " + CHATS * MESSAGES_PER_CHAT + " large messages: " + rss / (1024 * 1024) + " MB");
            assertThat(rss).as("RSS in bytes").isLessThan(RSS_BOUND);
        }
    }

    private static long rssBytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS in /proc/" + pid + "/status");
    }
}
