package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatLanesTest {

    private final ChatLanes lanes = new ChatLanes("test-lane-", 3);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        lanes.shutdown(Duration.ofSeconds(2));
    }

    @Test
    void oneKeysTasksRunInOrderOneAtATime() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            lanes.submit("chat-a", () -> {
                log.add("start " + n);
                Thread.yield();
                log.add("end " + n);
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lanes.pending() == 0 && log.size() == 100);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("start " + i);
            expected.add("end " + i);
        }
        assertThat(log).containsExactlyElementsOf(expected);
    }

    @Test
    void aBlockedKeyDoesNotHoldUpOthers() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        lanes.submit("slow", () -> {
            block(release);
            done.add("slow 1");
        });
        lanes.submit("slow", () -> done.add("slow 2"));
        lanes.submit("fast", () -> done.add("fast 1"));
        lanes.submit("fast", () -> done.add("fast 2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> done.size() == 2);
        assertThat(done).containsExactly("fast 1", "fast 2");

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> done.size() == 4);
        assertThat(done).containsExactly("fast 1", "fast 2", "slow 1", "slow 2");
    }

    @Test
    void starvedOnlyWhileEveryThreadHoldsAChatAndAnotherChatWaits() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        for (String chat : List.of("a", "b", "c")) {
            lanes.submit(chat, () -> block(release));
        }
        lanes.submit("a", () -> done.add("a 2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lanes.pending() == 4);
        assertThat(lanes.starved()).as("3 threads busy; a's second message waits behind its own chat only").isFalse();

        lanes.submit("d", () -> done.add("d"));
        assertThat(lanes.starved()).as("chat d waits for a thread").isTrue();
        assertThat(lanes.finished()).isZero();

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> done.size() == 2);
        assertThat(lanes.starved()).isFalse();
        assertThat(lanes.finished()).isEqualTo(5);
    }

    @Test
    void aFailingTaskDoesNotStopItsLane() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        lanes.submit("chat", () -> {
            throw new IllegalStateException("boom");
        });
        lanes.submit("chat", () -> done.add("after"));

        await().atMost(Duration.ofSeconds(30)).until(() -> done.contains("after"));
    }

    @Test
    void threadsAreNamedDaemons() {
        List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
        lanes.submit("chat", () -> seen.add(Thread.currentThread()));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 1);
        assertThat(seen.get(0).getName()).startsWith("test-lane-");
        assertThat(seen.get(0).isDaemon()).isTrue();
    }

    @Test
    void shutdownWaitsForQueuedWorkWithinGraceThenGivesUp() throws Exception {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        lanes.submit("chat", () -> done.add("one"));
        lanes.submit("chat", () -> done.add("two"));
        assertThat(lanes.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(done).containsExactly("one", "two");

        ChatLanes stuck = new ChatLanes("stuck-", 1);
        CountDownLatch started = new CountDownLatch(1);
        stuck.submit("chat", () -> {
            started.countDown();
            block(release);
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        long begin = System.nanoTime();
        assertThat(stuck.shutdown(Duration.ofMillis(100))).isFalse();
        stuck.abandon();
        // The task blocks for 60 s: well below that, shutdown gave up at its 100 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
