package jsup.healthmon.proc;

/**
 * One process as seen in {@code /proc/<pid>/stat} at one moment.
 *
 * @param pid         the process id
 * @param ppid        the parent's pid (field 4)
 * @param pgid        the process group (field 5)
 * @param sid         the session (field 6)
 * @param startTime   clock ticks after boot when the process started (field 22); with the pid it
 *                    identifies a process even after its pid is reused
 * @param cpuTicks    user + system time in clock ticks (fields 14 and 15)
 * @param rssBytes    resident set size (field 24 × page size)
 * @param state       the one-letter state (field 3): R, S, D, Z, T, ...
 * @param command     the command name between the parentheses (field 2)
 * @param threads     the number of threads (field 20); 0 when not read
 */
public record ProcInfo(int pid, int ppid, int pgid, int sid, long startTime, long cpuTicks,
                       long rssBytes, char state, String command, int threads) {

    /** A process read without its thread count. */
    public ProcInfo(int pid, int ppid, int pgid, int sid, long startTime, long cpuTicks, long rssBytes, char state,
                    String command) {
        this(pid, ppid, pgid, sid, startTime, cpuTicks, rssBytes, state, command, 0);
    }

    /** A zombie has exited and only waits to be reaped: it holds no memory and cannot be signalled. */
    public boolean isZombie() {
        return state == 'Z' || state == 'X';
    }
}
