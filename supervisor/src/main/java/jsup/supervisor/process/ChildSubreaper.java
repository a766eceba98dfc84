package jsup.supervisor.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Platform;
import jsup.supervisor.libc.LibcBinding;

/**
 * Makes this JVM a child subreaper ({@code prctl(PR_SET_CHILD_SUBREAPER)}, Linux ≥ 3.4): an orphan
 * anywhere below it (an app's double-forked daemon whose parent exited) is re-parented to this JVM
 * instead of to init, so {@code ChildReaper} reaps it (after its grace) and no zombie piles up, whether
 * or not this JVM is PID 1. {@code jsup run} asks for it; jsupd does not (its orphans go to the
 * machine's init, as before).
 */
public final class ChildSubreaper {

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static volatile boolean active;

    private ChildSubreaper() {
    }

    /**
     * Becomes a subreaper. Call before the first app starts: an orphan made earlier went to init.
     *
     * @return null when done, else why not (no JNA binding, not Linux, or the kernel refused)
     */
    public static synchronized String become() {
        if (active) {
            return null;
        }
        if (!Platform.isLinux()) {
            return "not Linux";
        }
        try {
            Libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        } catch (LastErrorException e) {
            return "prctl(PR_SET_CHILD_SUBREAPER) failed: errno " + e.getErrorCode();
        } catch (LinkageError | RuntimeException e) {
            return "prctl is not available through JNA: " + e;
        }
        active = true;
        return null;
    }

    /**
     * Whether this JVM made itself a subreaper through {@link #become()}: then orphans of its apps are its
     * own children ({@code TrackedTree} looks for them there too).
     */
    public static boolean active() {
        return active;
    }

    /** Bound on first use only: jsupd never loads it. */
    private static final class Libc {
        static {
            if (!LibcBinding.register(Libc.class)) {
                throw new UnsatisfiedLinkError("libc's prctl cannot be bound here");
            }
        }

        static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;
    }
}
