package jsup.supervisor.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receive timeout is a minute (so an idle jsupd does not wake every second for it): closing the
 * socket must end a receive under way at once, by itself.
 */
class NotifySocketCloseTest {

    @Test
    void closeEndsAReceiveUnderWayLongBeforeItsTimeout(@TempDir Path tmp) throws Exception {
        NotifySocket socket = NotifySocket.open(tmp.resolve("notify.sock"));
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Optional<NotifySocket.Datagram>> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                entered.countDown();
                return socket.receive();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            // The receive is blocked in the kernel or about to be: either way close() ends it (a receive
            // that starts after the shutdown returns at once).
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            socket.close();
            await().atMost(Duration.ofSeconds(20)).until(receiving::isDone);
            assertThat(receiving.get()).isEmpty();
            assertThat(socket.isClosed()).isTrue();
        } finally {
            socket.release();
        }
    }
}
