package jsup.supervisor.watch;

/**
 * The inotify calls jsup makes, as a seam: {@link LinuxInotify} is the kernel's, tests substitute one whose
 * limits run out ({@code ENOSPC}, {@code EMFILE}) without lowering the machine-wide sysctls.
 */
interface InotifyApi {

    int ENOENT = 2;
    int EACCES = 13;
    int ENOTDIR = 20;
    int EMFILE = 24;
    int ENOSPC = 28;

    int IN_MODIFY = 0x2;
    int IN_ATTRIB = 0x4;
    int IN_CLOSE_WRITE = 0x8;
    int IN_MOVED_FROM = 0x40;
    int IN_MOVED_TO = 0x80;
    int IN_CREATE = 0x100;
    int IN_DELETE = 0x200;
    int IN_DELETE_SELF = 0x400;
    int IN_MOVE_SELF = 0x800;
    int IN_Q_OVERFLOW = 0x4000;
    int IN_IGNORED = 0x8000;
    int IN_ONLYDIR = 0x01000000;
    int IN_DONT_FOLLOW = 0x02000000;
    int IN_EXCL_UNLINK = 0x04000000;
    int IN_ISDIR = 0x40000000;

    /** A failed call and its errno. */
    final class InotifyException extends Exception {
        private final int errno;

        InotifyException(String call, int errno) {
            super(call + " failed: " + describe(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }

        /** Whether a kernel limit ran out (as opposed to a folder that vanished or is unreadable). */
        boolean limitReached() {
            return errno == ENOSPC || errno == EMFILE;
        }

        static String describe(int errno) {
            return switch (errno) {
                case ENOSPC -> "ENOSPC (fs.inotify.max_user_watches reached)";
                case EMFILE -> "EMFILE (fs.inotify.max_user_instances reached)";
                case ENOENT -> "ENOENT";
                case EACCES -> "EACCES";
                default -> "errno " + errno;
            };
        }
    }

    /** A new inotify instance (close-on-exec), its descriptor. */
    int init() throws InotifyException;

    /** Adds or updates a watch; its watch descriptor. */
    int addWatch(int fd, String path, int mask) throws InotifyException;

    /**
     * Waits up to {@code timeoutMillis} for events, or until {@link #wake} is called; reads what is there into
     * {@code buffer}.
     *
     * @return the bytes read (whole {@code struct inotify_event}s), 0 on a timeout or wake
     */
    int await(int fd, byte[] buffer, int timeoutMillis) throws InotifyException;

    /** Makes a thread blocked in {@link #await} on {@code fd} return. */
    void wake(int fd);

    void close(int fd);
}
