package jsup.supervisor.web.server;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose blocking operation outlived its deadline: a write to a client that stopped
 * reading, a TLS handshake sent a byte at a time. Blocking sockets have no write timeout, so one thread
 * holds the armed deadlines and sleeps until the earliest; with none armed (an idle server) it waits
 * without a timeout and never wakes.
 */
final class Watchdog implements Runnable {

    private final DelayQueue<Deadline> armed = new DelayQueue<>();

    /** Arms a deadline {@code millis} from now that closes {@code target}; disarm it when done. */
    Deadline arm(Closeable target, long millis) {
        Deadline d = new Deadline(target, System.nanoTime() + millis * 1_000_000L);
        armed.add(d);
        return d;
    }

    void disarm(Deadline d) {
        armed.remove(d);
    }

    @Override
    public void run() {
        try {
            while (true) {
                Deadline d = armed.take();
                try {
                    d.target.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server stops
        }
    }

    static final class Deadline implements Delayed {

        private final Closeable target;
        private final long at;

        private Deadline(Closeable target, long at) {
            this.target = target;
            this.at = at;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(at, ((Deadline) o).at);
        }
    }
}
