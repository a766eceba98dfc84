package jsup.supervisor.internal;

import java.time.Duration;
import jsup.supervisor.config.AppSpec;

/**
 * When an online app's process tree is next sampled (memory, CPU, members). Only the memory cap
 * needs a sample every {@code memory_check_interval}: an app without one is sampled every
 * {@link #UNCAPPED} (or its interval when longer), which is what {@code list}, {@code monit} and
 * {@code /metrics} show and how often the tree is walked for members that left it. With 50 idle
 * apps that is most of jsupd's idle CPU (docs/benchmarks.md). Next samples fall on a grid of the
 * interval, so apps with the same one are sampled in one pass.
 */
final class SampleCadence {

    static final Duration UNCAPPED = Duration.ofSeconds(5);

    private SampleCadence() {
    }

    /** The interval between two samples of {@code spec}'s tree, in nanoseconds (at least 1). */
    static long intervalNanos(AppSpec spec) {
        long every = Math.max(1, spec.memoryCheckInterval().toNanos());
        return spec.maxMemoryRestart() > 0 ? every : Math.max(every, UNCAPPED.toNanos());
    }

    /** The next sample after one taken at {@code nowNanos}: the next point of the interval's grid. */
    static long nextAfter(AppSpec spec, long nowNanos) {
        long interval = intervalNanos(spec);
        return (Math.floorDiv(nowNanos, interval) + 1) * interval;
    }
}
