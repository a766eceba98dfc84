package jsup.gateway.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per key and keys in parallel: each chat is a lane whose tasks run in
 * submission order, and lanes share a fixed pool of named daemon threads. A lane exists only while
 * it has work, so idle chats cost nothing.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService pool;
    private final int threads;
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();
    /** Lanes whose drainer holds a thread; guarded by {@code lanes}. */
    private int draining;
    private final AtomicLong finished = new AtomicLong();

    ChatLanes(String threadPrefix, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1: " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, threadPrefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code task} behind the earlier tasks of the same key. */
    void submit(String key, Runnable task) {
        synchronized (lanes) {
            ArrayDeque<Runnable> lane = lanes.get(key);
            if (lane != null) {
                // The lane's drainer is running and will pick it up.
                lane.add(task);
                return;
            }
            lane = new ArrayDeque<>();
            lane.add(task);
            lanes.put(key, lane);
            ArrayDeque<Runnable> started = lane;
            pool.execute(() -> drain(key, started));
        }
    }

    private void drain(String key, ArrayDeque<Runnable> lane) {
        synchronized (lanes) {
            draining++;
        }
        while (true) {
            Runnable next;
            synchronized (lanes) {
                next = lane.peek();
                if (next == null) {
                    lanes.remove(key);
                    draining--;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("Task for chat {} failed; the chat's next messages are still handled", key, e);
            } finally {
                finished.incrementAndGet();
                synchronized (lanes) {
                    lane.poll();
                }
            }
        }
    }

    /** How many tasks have finished (a count that only grows). */
    long finished() {
        return finished.get();
    }

    /** Every thread is working on a chat and another chat waits for one. */
    boolean starved() {
        synchronized (lanes) {
            return draining >= threads && lanes.size() > draining;
        }
    }

    /** How many tasks are queued or running. */
    int pending() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    /**
     * Accepts no new tasks and lets queued and running ones finish for up to {@code grace}.
     * Returns whether everything finished in time; if not, {@link #abandon()} interrupts the rest.
     */
    boolean shutdown(Duration grace) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts the tasks still running and drops the queued ones. */
    void abandon() {
        pool.shutdownNow();
    }
}
