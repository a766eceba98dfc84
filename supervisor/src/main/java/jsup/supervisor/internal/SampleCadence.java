package jsup.supervisor.internal;

import java.time.Duration;
import jsup.supervisor.config.AppSpec;

/**
 * When an online app's process tree is next sampled (memory, CPU, members). Only the memory cap
 * needs a sample every {@code memory_check_interval}. An app without one is sampled when someone reads
 * its figures ({@code list}, {@code describe}, {@code monit}, {@code /metrics}, the dashboard) and its
 * last sample is more than {@link #FRESH} old, and otherwise every {@link #UNREAD}, which is how often
 * its tree is walked for members that left it while nobody looks. With 50 idle apps the 5 s sampling
 * that kept unread figures fresh was most of jsupd's idle CPU (docs/benchmarks.md, "Idle"). Next
 * samples fall on a grid of the interval, so apps with the same one are sampled in one pass.
 */
final class SampleCadence {

    /** The oldest figures a reader gets of an app without a memory cap (or its interval when longer). */
    static final Duration FRESH = Duration.ofSeconds(5);
    /** How often an app without a memory cap is sampled while nobody reads its figures. */
    static final Duration UNREAD = Duration.ofSeconds(30);

    private SampleCadence() {
    }

    /** The interval between two samples of {@code spec}'s tree that nobody asked for, in nanoseconds (at least 1). */
    static long intervalNanos(AppSpec spec) {
        long every = Math.max(1, spec.memoryCheckInterval().toNanos());
        return spec.maxMemoryRestart() > 0 ? every : Math.max(every, UNREAD.toNanos());
    }

    /** The next sample after one taken at {@code nowNanos}: the next point of the interval's grid. */
    static long nextAfter(AppSpec spec, long nowNanos) {
        long interval = intervalNanos(spec);
        return (Math.floorDiv(nowNanos, interval) + 1) * interval;
    }

    /**
     * Whether a reader at {@code nowNanos} should have {@code spec}'s tree sampled first: its last sample
     * (at {@code sampledAtNanos}, {@link ManagedApp#NEVER} for none yet) is more than {@link #FRESH} (or
     * its {@code memory_check_interval}, when longer) old. Never for an app with a memory cap: its own
     * cadence keeps its figures fresh.
     */
    static boolean staleForReader(AppSpec spec, long sampledAtNanos, long nowNanos) {
        if (spec.maxMemoryRestart() > 0) {
            return false;
        }
        long fresh = Math.max(FRESH.toNanos(), spec.memoryCheckInterval().toNanos());
        return sampledAtNanos == ManagedApp.NEVER || nowNanos - sampledAtNanos >= fresh;
    }
}
