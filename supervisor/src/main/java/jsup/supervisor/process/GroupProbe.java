package jsup.supervisor.process;

import java.nio.file.Path;
import jsup.healthmon.proc.ProcFs;

/**
 * Whether a process group may still have members, asked with one {@code kill(-pgid, 0)}: the kernel
 * answers "no such process" only when no process (a zombie included) is in the group. Lets the check
 * for leftovers after an app's exit skip reading the reapers' children, which on a server where
 * jsupd's parent is init is a {@code stat} of every system daemon at every exit.
 */
@FunctionalInterface
interface GroupProbe {

    /** Never rules a group out: the caller reads {@code /proc} as it would without a probe. */
    GroupProbe UNKNOWN = pgid -> true;

    /** @return false only when the group surely has no process left */
    boolean mayHaveMembers(int pgid);

    /**
     * The system's probe for trees read from the real {@code /proc} (a fixture's pids are not the
     * system's), where {@code kill(2)} is bound; else {@link #UNKNOWN}.
     */
    static GroupProbe of(ProcFs procFs) {
        return procFs.root().equals(Path.of("/proc")) && KillSyscall.available()
                ? KillSyscall::groupMayExist : UNKNOWN;
    }
}
