package jsup.supervisor.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineLoopTest {

    @Test
    void runsTasksInOrderTicksAfterThemAndSurvivesAFailingTask() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicLong ticks = new AtomicLong();
        EngineLoop loop = new EngineLoop("test-engine", System::nanoTime, errors::add);
        loop.execute(() -> seen.add("a"));
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        loop.execute(() -> seen.add(loop.inLoop() ? "b on loop" : "b elsewhere"));
        loop.start(now -> {
            ticks.incrementAndGet();
            return ManagedApp.NEVER;
        });
        await().atMost(30, SECONDS).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("a", "b on loop");
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        long before = ticks.get();
        loop.execute(() -> seen.add("c"));
        await().atMost(30, SECONDS).until(() -> ticks.get() > before);
        loop.shutdown();
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void wakesUpAtTheDeadlineTheTickReturns() throws Exception {
        AtomicLong ticks = new AtomicLong();
        EngineLoop loop = new EngineLoop("test-engine", System::nanoTime, e -> { });
        long start = System.nanoTime();
        long deadline = start + 200_000_000L;
        loop.start(now -> {
            ticks.incrementAndGet();
            return now < deadline ? deadline : ManagedApp.NEVER;
        });
        await().atMost(30, SECONDS).until(() -> ticks.get() >= 2);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(ticks.get()).isEqualTo(2);
        loop.shutdown();
    }

    @Test
    void aDeadlineThatHasAlreadyPassedDoesNotSpinTheThread() throws Exception {
        List<Long> tickTimes = new CopyOnWriteArrayList<>();
        EngineLoop loop = new EngineLoop("test-engine", System::nanoTime, e -> { });
        loop.start(now -> {
            tickTimes.add(System.nanoTime());
            return now - 1; // a tick that keeps answering "already due"
        });
        await().atMost(30, SECONDS).until(() -> tickTimes.size() >= 50);
        loop.shutdown();
        long elapsed = tickTimes.get(49) - tickTimes.get(0);
        assertThat(elapsed).as("50 ticks at least %d ns apart", EngineLoop.MIN_WAIT_NANOS)
                .isGreaterThanOrEqualTo(49 * EngineLoop.MIN_WAIT_NANOS);
    }
}
