package jsup.supervisor.web.server;

import java.io.Closeable;
import java.io.IOException;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose blocking operation outlived its deadline: a write to a client that stopped
 * reading, a TLS handshake sent a byte at a time. Blocking sockets have no write timeout, so one thread
 * holds the armed deadlines and sleeps until the earliest. It is woken only by a deadline earlier than
 * the one it sleeps toward (or any, when it sleeps without one): a response's many writes wake it once,
 * and once more when their deadline passes. With none armed (an idle server) it never wakes.
 */
final class Watchdog implements Runnable {

    private final PriorityQueue<Deadline> armed = new PriorityQueue<>();
    private boolean sleepsForever = true;
    private long sleepsUntil;

    /** Arms a deadline {@code millis} from now that closes {@code target}; disarm it when done. */
    synchronized Deadline arm(Closeable target, long millis) {
        Deadline d = new Deadline(target, System.nanoTime() + millis * 1_000_000L);
        armed.add(d);
        if (sleepsForever || d.at - sleepsUntil < 0) {
            notifyAll();
        }
        return d;
    }

    /** Does not wake the thread: when it wakes it finds nothing due. */
    synchronized void disarm(Deadline d) {
        armed.remove(d);
    }

    @Override
    public synchronized void run() {
        try {
            while (true) {
                long now = System.nanoTime();
                Deadline first;
                while ((first = armed.peek()) != null && first.at - now <= 0) {
                    armed.poll();
                    close(first.target);
                }
                sleepsForever = first == null;
                if (sleepsForever) {
                    wait();
                } else {
                    sleepsUntil = first.at;
                    TimeUnit.NANOSECONDS.timedWait(this, first.at - now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server stops
        }
    }

    private static void close(Closeable target) {
        try {
            target.close();
        } catch (IOException e) {
            // closed already
        }
    }

    static final class Deadline implements Comparable<Deadline> {

        private final Closeable target;
        private final long at;

        private Deadline(Closeable target, long at) {
            this.target = target;
            this.at = at;
        }

        @Override
        public int compareTo(Deadline o) {
            return Long.compare(at - o.at, 0);
        }
    }
}
