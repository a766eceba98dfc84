package jsup.supervisor.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The buffer between the pipe pumps and the writer, bounded in bytes.
 *
 * <p>When full, {@link #put} blocks: the pump stops reading, the pipe fills and the child blocks on
 * write (back-pressure). Output is never dropped. That only happens once the disk has been slower
 * than the child for a whole {@link #capacity} of output, so a slow disk stalls the child late and
 * briefly rather than losing its lines.
 */
final class ChunkQueue {

    private final long capacity;
    private final List<Chunk> chunks = new ArrayList<>();
    private long bytes;
    private int producers;

    ChunkQueue(long capacity, int producers) {
        this.capacity = capacity;
        this.producers = producers;
    }

    long capacity() {
        return capacity;
    }

    synchronized void put(Chunk chunk) throws InterruptedException {
        while (bytes > 0 && bytes + chunk.bytes().length > capacity) {
            wait();
        }
        chunks.add(chunk);
        bytes += chunk.bytes().length;
        notifyAll();
    }

    /** A pump reached EOF; once every pump has, {@link #takeAll} returns empty when drained. */
    synchronized void producerDone() {
        producers--;
        notifyAll();
    }

    /** Everything queued, waiting for some; empty only when every producer is done and all is taken. */
    synchronized List<Chunk> takeAll() throws InterruptedException {
        while (chunks.isEmpty() && producers > 0) {
            wait();
        }
        if (chunks.isEmpty()) {
            return List.of();
        }
        List<Chunk> taken = new ArrayList<>(chunks);
        chunks.clear();
        bytes = 0;
        notifyAll();
        return taken;
    }

    synchronized boolean isEmpty() {
        return chunks.isEmpty();
    }
}
