package jsup.supervisor.process;

import com.sun.jna.LastErrorException;
import jsup.supervisor.libc.LibcBinding;

/**
 * Process file descriptors ({@code pidfd_open}, {@code pidfd_send_signal}; Linux 5.3 and later): a
 * descriptor that names one process for as long as it is open, so a signal sent through it can never
 * reach another process that got the pid after this one was reaped. Called through {@code syscall(2)}
 * (glibc has wrappers only since 2.36); the numbers are the same on every architecture since 5.x.
 */
final class Pidfd {

    private static final long SYS_PIDFD_SEND_SIGNAL = 424;
    private static final long SYS_PIDFD_OPEN = 434;
    private static final boolean BOUND = bind();

    private Pidfd() {
    }

    private static boolean bind() {
        return LibcBinding.register(Pidfd.class);
    }

    /**
     * A pidfd for {@code pid}, or -1 where this kernel has none (ENOSYS) or the process is gone. Open it
     * only while the pid is surely the intended process's (an unreaped child of this JVM).
     */
    static int open(int pid) {
        if (!BOUND) {
            return -1;
        }
        try {
            return (int) syscall(SYS_PIDFD_OPEN, pid, 0, 0, 0);
        } catch (LastErrorException e) {
            return -1;
        }
    }

    /** Sends {@code signal} through {@code fd}; false when the process has exited (ESRCH) or on error. */
    static boolean signal(int fd, int signal) {
        try {
            syscall(SYS_PIDFD_SEND_SIGNAL, fd, signal, 0, 0);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    static void release(int fd) {
        try {
            close(fd);
        } catch (LastErrorException e) {
            // EBADF cannot happen (closed once, under the owner's lock); EINTR still released it
        }
    }

    private static native long syscall(long number, long a1, long a2, long a3, long a4) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;
}
