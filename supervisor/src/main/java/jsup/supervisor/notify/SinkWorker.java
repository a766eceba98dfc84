package jsup.supervisor.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import jsup.supervisor.internal.Backoff;

/**
 * One sink's delivery thread and bounded queue: a dead sink only ever delays its own messages. Each
 * message is tried {@link #ATTEMPTS} times with a growing pause; a full queue drops new messages (counted
 * in the failure log).
 */
final class SinkWorker implements AutoCloseable {

    static final int CAPACITY = 64;
    static final int ATTEMPTS = 3;
    static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Duration.ZERO);

    private final Sink sink;
    private final Consumer<String> log;
    private final BlockingQueue<NotifyEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final DeliveryFailures failures;
    private final Thread thread;
    private volatile boolean closed;

    SinkWorker(Sink sink, Consumer<String> log) {
        this.sink = sink;
        this.log = log;
        this.failures = new DeliveryFailures(sink.label());
        this.thread = new Thread(this::run, "jsupd-notify-" + sink.label().split(" ")[0]);
        thread.setDaemon(true);
        thread.start();
    }

    Sink sink() {
        return sink;
    }

    /** Queues a message; never blocks. */
    void offer(NotifyEvent event) {
        if (!queue.offer(event)) {
            report(failures.failed("queue full (" + CAPACITY + " messages waiting); message dropped",
                    System.nanoTime()));
        }
    }

    private void run() {
        while (!closed) {
            NotifyEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            deliver(event);
        }
    }

    private void deliver(NotifyEvent event) {
        Duration pause = Duration.ZERO;
        for (int attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
            try {
                sink.send(event);
                report(failures.delivered());
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    report(failures.failed(sink.redact(e.getMessage()) + " (" + event.app() + " " + event.event()
                            + ", " + ATTEMPTS + " attempts)", System.nanoTime()));
                    return;
                }
            }
            pause = RETRY.next(pause);
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(String line) {
        if (line != null) {
            log.accept(line);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
