package jsup.supervisor.process;

/**
 * Resources of one app's whole process tree at one sample.
 *
 * @param rssBytes   resident memory of every process in the tree together
 * @param cpuPercent CPU used by the tree since the previous sample (100 = one core)
 * @param processes  how many processes the tree held
 */
public record TreeUsage(long rssBytes, double cpuPercent, int processes) {

    public static final TreeUsage NONE = new TreeUsage(0, 0, 0);
}
