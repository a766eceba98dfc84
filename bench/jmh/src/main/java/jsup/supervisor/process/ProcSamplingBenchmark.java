package jsup.supervisor.process;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
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
 * The /proc reads behind jsupd's memory sampling, which runs every second for every app: one
 * {@code stat} and one {@code children} file per tree member. Compares the sampler's reader (files kept
 * open and re-read in place), the same reader opening each file, the general {@code ProcFs} string
 * parser, and the full walk of {@code /proc} the sampler avoids.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProcSamplingBenchmark {

    private final int self = (int) ProcessHandle.current().pid();
    private ProcFileReader kept;
    private ProcFileReader fresh;

    @Setup(Level.Trial)
    public void setUp() {
        kept = ProcFileReader.keepingFilesOpen();
        fresh = new ProcFileReader();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kept.closeAll();
    }

    /** What the sampler does per tree member: stat and children, files kept open. */
    @Benchmark
    public long statAndChildrenKeptOpen() throws IOException {
        ProcInfo info = kept.stat("/proc", self);
        return info.rssBytes() + kept.children("/proc", self, self).length;
    }

    /** The same reads, opening and closing each file. */
    @Benchmark
    public long statAndChildrenOpenEachTime() throws IOException {
        ProcInfo info = fresh.stat("/proc", self);
        return info.rssBytes() + fresh.children("/proc", self, self).length;
    }

    /** healthmon's general reader: Files.readString and a split. */
    @Benchmark
    public long procFsStat() {
        return ProcFs.SYSTEM.stat(self).orElseThrow().rssBytes();
    }

    /** One full walk of /proc (every process's stat): what a sample of all trees would cost without
     *  following children files. */
    @Benchmark
    public int procFsSnapshot() {
        return ProcFs.SYSTEM.snapshot().size();
    }
}
