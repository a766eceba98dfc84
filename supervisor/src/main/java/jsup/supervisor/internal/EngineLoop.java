package jsup.supervisor.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The engine thread: runs posted tasks (commands, process exits, pre-start results) one at a time,
 * calls the tick after each, and sleeps until the deadline the tick returns or the next task.
 */
public final class EngineLoop implements Executor {

    /** Never sleep longer than this, so a clock jump is noticed within a minute at worst. */
    static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(1);
    /**
     * Never tick again sooner than this without a task: a deadline the tick returns already passed
     * (it should have taken that edge) would otherwise spin the thread at 100 % CPU.
     */
    static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final LongSupplier ticker;
    private LongUnaryOperator tick;
    private final Consumer<Throwable> errors;
    private final Thread thread;
    private volatile boolean accepting = true;
    private boolean running = true;

    /**
     * @param errors told about a task or tick that threw; the loop carries on
     */
    public EngineLoop(String name, LongSupplier ticker, Consumer<Throwable> errors) {
        this.ticker = ticker;
        this.errors = errors;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread. Tasks posted before are kept and run first.
     *
     * @param tick called with the current time after every batch of tasks; returns the next deadline
     */
    public EngineLoop start(LongUnaryOperator tick) {
        this.tick = tick;
        thread.start();
        return this;
    }

    @Override
    public void execute(Runnable task) {
        if (!accepting) {
            throw new RejectedExecutionException("the supervisor is closed");
        }
        tasks.add(task);
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the tasks already posted, then ends the thread and waits for it. */
    public void shutdown() throws InterruptedException {
        if (!accepting) {
            return;
        }
        tasks.add(() -> running = false);
        accepting = false;
        if (!inLoop()) {
            thread.join();
        }
    }

    private void run() {
        while (running) {
            long next;
            try {
                next = tick.applyAsLong(ticker.getAsLong());
            } catch (RuntimeException | Error e) {
                errors.accept(e);
                next = ticker.getAsLong() + TimeUnit.SECONDS.toNanos(1);
            }
            long wait = Math.max(MIN_WAIT_NANOS, Math.min(MAX_WAIT_NANOS, next - ticker.getAsLong()));
            Runnable task;
            try {
                task = tasks.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    errors.accept(e);
                }
                task = running ? tasks.poll() : null;
            }
        }
    }
}
