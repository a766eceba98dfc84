package jsup.supervisor.process;

/**
 * Resources of one app's whole process tree at one sample.
 *
 * @param rssBytes   resident memory of every process in the tree together
 * @param cpuPercent CPU used by the tree since the previous sample (100 = one core)
 * @param processes  how many processes the tree held
 * @param threads    the threads of every process in the tree together
 * @param cpuTicks   CPU time the tree has used since the run started, in clock ticks: the live
 *                   members' own time plus what their children that were already reaped used
 *                   ({@code cutime}/{@code cstime} are not read; a member that exited between two
 *                   samples keeps the ticks it was last seen with)
 * @param pids       the members' pids at this sample (for reads that are not worth doing every tick,
 *                   such as open file descriptors, done later off the engine thread)
 */
public record TreeUsage(long rssBytes, double cpuPercent, int processes, int threads, long cpuTicks, int[] pids) {

    public static final TreeUsage NONE = new TreeUsage(0, 0, 0, 0, 0, new int[0]);

    /** Clock ticks per second of {@link #cpuTicks} (USER_HZ, 100 on every Linux jsup runs on). */
    public static final long TICKS_PER_SECOND = 100;

    public TreeUsage(long rssBytes, double cpuPercent, int processes) {
        this(rssBytes, cpuPercent, processes, 0, 0, new int[0]);
    }

    /** {@link #cpuTicks} in seconds. */
    public double cpuSeconds() {
        return cpuTicks / (double) TICKS_PER_SECOND;
    }
}
