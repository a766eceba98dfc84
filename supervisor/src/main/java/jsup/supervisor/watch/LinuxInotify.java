package jsup.supervisor.watch;

import com.sun.jna.LastErrorException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jsup.supervisor.libc.LibcBinding;

/**
 * The kernel's inotify through JNA's direct mapping (as {@code KillSyscall}): each instance is paired with
 * an eventfd so {@link #close} can wake the thread waiting in {@code poll(2)} on both.
 */
final class LinuxInotify implements InotifyApi {

    static final LinuxInotify INSTANCE = new LinuxInotify();

    private static final int IN_CLOEXEC = 0x80000;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final short POLLIN = 0x1;
    private static final boolean BOUND = bind();

    /** inotify fd → its wake-up eventfd. */
    private final Map<Integer, Integer> wakers = new ConcurrentHashMap<>();

    private LinuxInotify() {
    }

    private static boolean bind() {
        return LibcBinding.register(Libc.class);
    }

    static boolean available() {
        return BOUND;
    }

    @Override
    public int init() throws InotifyException {
        if (!BOUND) {
            throw new InotifyException("inotify_init1 (not bound on this platform)", 38);
        }
        int fd;
        try {
            fd = Libc.inotify_init1(IN_CLOEXEC);
        } catch (LastErrorException e) {
            throw new InotifyException("inotify_init1", e.getErrorCode());
        }
        try {
            wakers.put(fd, Libc.eventfd(0, EFD_CLOEXEC));
        } catch (LastErrorException e) {
            close0(fd);
            throw new InotifyException("eventfd", e.getErrorCode());
        }
        return fd;
    }

    @Override
    public int addWatch(int fd, String path, int mask) throws InotifyException {
        try {
            return Libc.inotify_add_watch(fd, path, mask);
        } catch (LastErrorException e) {
            throw new InotifyException("inotify_add_watch " + path, e.getErrorCode());
        }
    }

    @Override
    public int await(int fd, byte[] buffer, int timeoutMillis) throws InotifyException {
        Integer waker = wakers.get(fd);
        // struct pollfd {int fd; short events; short revents;} as ints: little-endian (x86-64, arm64).
        int[] fds = {fd, POLLIN, waker == null ? -1 : waker, POLLIN};
        try {
            int ready = Libc.poll(fds, 2, timeoutMillis);
            if (ready <= 0 || (fds[1] >>> 16) == 0) {
                return 0;
            }
            return (int) Libc.read(fd, buffer, buffer.length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 4) { // EINTR
                return 0;
            }
            throw new InotifyException("poll/read", e.getErrorCode());
        }
    }

    @Override
    public void wake(int fd) {
        Integer waker = wakers.get(fd);
        if (waker != null) {
            try {
                Libc.write(waker, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 8);
            } catch (LastErrorException e) {
                // Closed already: nothing waits.
            }
        }
    }

    @Override
    public void close(int fd) {
        Integer waker = wakers.remove(fd);
        if (waker != null) {
            close0(waker);
        }
        close0(fd);
    }

    private static void close0(int fd) {
        try {
            Libc.close(fd);
        } catch (LastErrorException e) {
            // EBADF: already closed.
        }
    }

    /** The libc functions, bound by name (a nested class, as the names clash with {@link InotifyApi}'s). */
    private static final class Libc {
        static native int inotify_init1(int flags) throws LastErrorException;

        static native int inotify_add_watch(int fd, String path, int mask) throws LastErrorException;

        static native int eventfd(int initval, int flags) throws LastErrorException;

        static native int poll(int[] fds, int nfds, int timeout) throws LastErrorException;

        static native long read(int fd, byte[] buffer, long count) throws LastErrorException;

        static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;
    }
}
