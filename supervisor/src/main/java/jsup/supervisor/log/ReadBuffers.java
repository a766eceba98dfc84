package jsup.supervisor.log;

import java.util.ArrayDeque;

/**
 * The 64 KiB read buffers of every pump, lent while a pipe has data and given back when it runs dry,
 * so an idle app holds none. A few spare buffers are kept for the next burst; the rest go to the GC.
 */
final class ReadBuffers {

    static final int SIZE = 64 * 1024;
    private static final int SPARE = 4;
    private static final ArrayDeque<byte[]> FREE = new ArrayDeque<>(SPARE);

    private ReadBuffers() {
    }

    static byte[] take() {
        synchronized (FREE) {
            byte[] b = FREE.pollFirst();
            if (b != null) {
                return b;
            }
        }
        return new byte[SIZE];
    }

    static void give(byte[] buffer) {
        synchronized (FREE) {
            if (FREE.size() < SPARE) {
                FREE.addFirst(buffer);
            }
        }
    }
}
