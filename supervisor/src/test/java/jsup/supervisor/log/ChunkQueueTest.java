package jsup.supervisor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChunkQueueTest {

    @Test
    void aFullQueueBlocksThePumpUntilTheWriterTakesAndDropsNothing() throws Exception {
        ChunkQueue queue = new ChunkQueue(100, 1);
        queue.put(chunk(60));
        queue.put(chunk(40));
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                queue.put(chunk(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !third.isDone());
        List<Chunk> first = queue.takeAll();
        third.get();
        queue.producerDone();

        assertThat(first).extracting(c -> c.bytes().length).containsExactly(60, 40);
        assertThat(queue.takeAll()).extracting(c -> c.bytes().length).containsExactly(10);
        assertThat(queue.takeAll()).isEmpty();
    }

    @Test
    void aChunkBiggerThanTheWholeQueueStillGoesThroughWhenTheQueueIsEmpty() throws Exception {
        ChunkQueue queue = new ChunkQueue(100, 1);

        queue.put(chunk(500));
        queue.producerDone();

        assertThat(queue.takeAll()).extracting(c -> c.bytes().length).containsExactly(500);
    }

    private static Chunk chunk(int size) {
        return new Chunk(Chunk.Source.OUT, new byte[size], true, 0);
    }
}
