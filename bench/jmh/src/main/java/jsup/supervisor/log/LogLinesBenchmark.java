package jsup.supervisor.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The log path every byte of an app's output takes in jsupd: a 64 KiB read of 100-byte lines, stamped
 * (with {@code time: true}) and written to a rotating file. One operation is one 64 KiB chunk, so
 * ops/s × 64 KiB is the throughput a single pump can sustain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LogLinesBenchmark {

    private static final int CHUNK = 64 * 1024;

    private byte[] chunk;
    private LineStamper stamper;
    private Path dir;
    private RotatingFileWriter writer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] line = (("x".repeat(99)) + "\n").getBytes(StandardCharsets.US_ASCII);
        chunk = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = line[i % line.length];
        }
        stamper = new LineStamper(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC));
        dir = Files.createTempDirectory("jsup-jmh-log");
        // Rotation every 10 MiB keeping 2 copies: the benchmark goes through rotations too.
        writer = new RotatingFileWriter(dir.resolve("app-out.log"), 10L << 20, 2, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writer.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Stamping only: the CPU cost {@code time: true} adds per chunk. */
    @Benchmark
    public int stampChunk() {
        return stamper.stamp(chunk, 0, chunk.length, System.currentTimeMillis());
    }

    /** Writing a chunk of whole lines to the log file, with size rotation. */
    @Benchmark
    public void writeChunk() throws IOException {
        writer.write(chunk, 0, chunk.length);
    }

    /** Both: what a pump does for an app with {@code time: true}. */
    @Benchmark
    public void stampAndWriteChunk() throws IOException {
        int n = stamper.stamp(chunk, 0, chunk.length, System.currentTimeMillis());
        writer.write(stamper.stamped(), 0, n);
    }

    /** Keeps the compiler from treating the chunk as constant. */
    @Benchmark
    public int baselineScanForNewlines() {
        int lines = 0;
        for (byte b : chunk) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines + Arrays.hashCode(new int[] {lines});
    }
}
