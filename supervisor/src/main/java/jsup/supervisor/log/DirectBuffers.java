package jsup.supervisor.log;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers that log writes go through, lent per write and given back. Writing a heap array to a
 * FileChannel would make the JDK cache a temporary direct buffer in every writing thread for good;
 * here a few spares are shared and the rest go to the GC.
 */
final class DirectBuffers {

    static final int SIZE = ReadBuffers.SIZE;
    private static final int SPARE = 4;
    private static final ArrayDeque<ByteBuffer> FREE = new ArrayDeque<>(SPARE);

    private DirectBuffers() {
    }

    static ByteBuffer take() {
        synchronized (FREE) {
            ByteBuffer b = FREE.pollFirst();
            if (b != null) {
                return b.clear();
            }
        }
        return ByteBuffer.allocateDirect(SIZE);
    }

    static void give(ByteBuffer buffer) {
        synchronized (FREE) {
            if (FREE.size() < SPARE) {
                FREE.addFirst(buffer);
            }
        }
    }
}
