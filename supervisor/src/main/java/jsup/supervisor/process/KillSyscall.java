package jsup.supervisor.process;

import com.sun.jna.LastErrorException;
import jsup.supervisor.libc.LibcBinding;

/**
 * {@code kill(2)} through JNA's direct mapping: a signal costs one system call instead of a fork and
 * exec of {@code /usr/bin/kill}. {@link #available()} is false where JNA cannot bind it.
 */
final class KillSyscall {

    private static final boolean BOUND = bind();
    private static final int ESRCH = 3;

    private KillSyscall() {
    }

    private static boolean bind() {
        return LibcBinding.register(KillSyscall.class);
    }

    static boolean available() {
        return BOUND;
    }

    /**
     * Sends signal {@code number} to {@code pid}.
     *
     * @return false when it could not be sent: no such process any more (ESRCH), or not this user's
     *         (EPERM), which the caller's start-time check makes as unlikely as a race
     */
    static boolean send(int pid, int number) {
        try {
            kill(pid, number);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /**
     * Whether process group {@code pgid} may have a process: {@code kill(-pgid, 0)} sends nothing and
     * fails with ESRCH only when the group is empty (EPERM: someone is there, only not ours to signal).
     */
    static boolean groupMayExist(int pgid) {
        if (pgid <= 1) {
            return true; // -1 would mean every process, -0 jsupd's own group
        }
        try {
            kill(-pgid, 0);
            return true;
        } catch (LastErrorException e) {
            return e.getErrorCode() != ESRCH;
        }
    }

    private static native int kill(int pid, int signal) throws LastErrorException;
}
