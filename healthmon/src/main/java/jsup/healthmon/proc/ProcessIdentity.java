package jsup.healthmon.proc;

/**
 * A pid together with its start time (field 22 of {@code /proc/<pid>/stat}). A pid alone can be
 * reused by an unrelated process after the original one died; the pair cannot.
 *
 * @param pid       the process id
 * @param startTime the start time in clock ticks after boot, or {@code -1} when unknown
 */
public record ProcessIdentity(int pid, long startTime) {

    /** Whether the start time is known. Without it the pid may be anyone's now: never act on it. */
    public boolean hasStartTime() {
        return startTime >= 0;
    }

    /**
     * True when this exact process still runs: the pid exists, is not a zombie and started at this
     * start time. Always false without a start time: such an identity cannot be told from a reused pid.
     */
    public boolean isAlive(ProcFs proc) {
        return hasStartTime() && proc.stat(pid).filter(this::matches).isPresent();
    }

    /** Whether {@code info} is this exact process, alive: same pid and known start time, not a zombie. */
    public boolean matches(ProcInfo info) {
        return hasStartTime() && info.pid() == pid && !info.isZombie() && info.startTime() == startTime;
    }
}
