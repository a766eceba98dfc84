package jsup.supervisor.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "[jsup] N bytes … lost" note counts exactly the output that did not reach the file. The log is
 * a FIFO: with no reader a write fails (EPIPE); once a reader opens it again, writes work again,
 * through the same open file.
 */
class LostOutputCountTest {

    @TempDir
    Path dir;

    @Test
    void theLostNoteCountsExactlyTheBytesThatDidNotReachTheFile() throws Exception {
        Path fifo = dir.resolve("app-out.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // Opening a FIFO blocks until both ends are open: a first reader that goes away at once.
        CompletableFuture<Void> firstReader = CompletableFuture.runAsync(() -> {
            try (InputStream in = new FileInputStream(fifo.toFile())) {
                in.available();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RotatingFileWriter out = new RotatingFileWriter(fifo, 0, 0, false, Clock.systemUTC());
        firstReader.get(10, TimeUnit.SECONDS); // no reader any more: writes now fail
        CaptureWriter writer = new CaptureWriter("app", LogTargets.of(out, out, null), null);

        byte[] lost = "lost line one\nlost line two\n".getBytes(StandardCharsets.UTF_8);
        writer.write(Pipe.OUT, lost, 0, lost.length, 0);
        // The writer is open, so this returns at once. (FileInputStream.readAllBytes seeks: buffer it.)
        InputStream secondReader = new BufferedInputStream(new FileInputStream(fifo.toFile()));
        byte[] after = "after\n".getBytes(StandardCharsets.UTF_8);
        writer.write(Pipe.OUT, after, 0, after.length, 0);
        writer.pipeDone(null);
        writer.pipeDone(null);
        writer.done().get(10, TimeUnit.SECONDS);
        out.close();

        String read;
        try (secondReader) {
            read = new String(secondReader.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(read).isEqualTo("[jsup] " + lost.length + " bytes of output were lost here: Broken pipe\nafter\n");
    }
}
