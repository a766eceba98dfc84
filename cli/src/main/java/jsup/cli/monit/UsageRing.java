package jsup.cli.monit;

import java.util.Arrays;

/**
 * The last {@code capacity} CPU and memory samples of one app, oldest first: what monit's
 * sparklines draw. Bounded (a fixed array per app), filled by monit's own polling, so it costs jsupd
 * nothing; it is lost when monit quits.
 */
public final class UsageRing {

    private final double[] cpu;
    private final long[] memory;
    private int next;
    private int size;

    public UsageRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one sample: " + capacity);
        }
        cpu = new double[capacity];
        memory = new long[capacity];
    }

    /** Adds one sample, dropping the oldest when full. */
    public void add(double cpuPercent, long memoryBytes) {
        cpu[next] = cpuPercent;
        memory[next] = memoryBytes;
        next = (next + 1) % cpu.length;
        size = Math.min(size + 1, cpu.length);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return cpu.length;
    }

    /** The CPU samples, oldest first. */
    public double[] cpu() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = cpu[index(i)];
        }
        return out;
    }

    /** The memory samples, oldest first, as doubles for {@link Gauges#sparkline}. */
    public double[] memory() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = memory[index(i)];
        }
        return out;
    }

    private int index(int i) {
        return (next - size + i + cpu.length) % cpu.length;
    }

    @Override
    public String toString() {
        return "UsageRing" + Arrays.toString(cpu());
    }
}
