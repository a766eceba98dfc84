package jsup.healthmon.proc;

/**
 * A pid together with its start time (field 22 of {@code /proc/<pid>/stat}). A pid alone can be
 * reused by an unrelated process after the original one died; the pair cannot.
 *
 * @param pid       the process id
 * @param startTime the start time in clock ticks after boot, or {@code -1} when unknown
 */
public record ProcessIdentity(int pid, long startTime) {

    /** True when this exact process still runs: the pid exists, is not a zombie and, when a
     *  start time is known, started at that time. */
    public boolean isAlive(ProcFs proc) {
        return proc.stat(pid)
                .filter(info -> !info.isZombie())
                .filter(info -> startTime < 0 || info.startTime() == startTime)
                .isPresent();
    }
}
