package jsup.supervisor.internal;

import java.util.concurrent.CompletableFuture;

/**
 * One run of an app's pre-start steps on a worker thread, cancellable by a stop. Cancelling
 * interrupts the worker, which makes a running {@code pre_start} command kill its whole session and
 * process group ({@code PreStartCommand}); a task cancelled before it started never runs.
 */
final class PreStartTask implements Runnable {

    private final Runnable steps;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private Thread runner;
    private boolean cancelled;

    PreStartTask(Runnable steps) {
        this.steps = steps;
    }

    /** Completes when the steps have ended or will never run. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                ended.complete(null);
                return;
            }
            runner = Thread.currentThread();
        }
        try {
            steps.run();
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a late cancel must not leak into the pool thread's next task
            }
            ended.complete(null);
        }
    }

    synchronized void cancel() {
        cancelled = true;
        if (runner != null) {
            runner.interrupt();
        } else {
            ended.complete(null);
        }
    }
}
