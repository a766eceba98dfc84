package jsup.supervisor.sockets;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import jsup.supervisor.libc.LibcBinding;

/**
 * The few glibc calls that make a listening socket whose descriptor number jsupd knows (the JDK's channels
 * hide it): bound once by JNA's direct mapping, 64-bit Linux only, as {@code process.NativeSpawner}.
 */
final class ListenSyscalls {

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int EACCES = 13;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int O_NONBLOCK = 0x800;
    /** The kernel caps it at net.core.somaxconn (4096 on current kernels), as systemd's default does. */
    static final int BACKLOG = 4096;

    private static final boolean AVAILABLE = load();

    private ListenSyscalls() {
    }

    private static boolean load() {
        return LibcBinding.register(ListenSyscalls.class);
    }

    static boolean available() {
        return AVAILABLE;
    }

    static int errno() {
        return Native.getLastError();
    }

    static native int socket(int domain, int type, int protocol);

    static native int setsockopt(int fd, int level, int name, Pointer value, int length);

    static native int bind(int fd, Pointer address, int length);

    static native int listen(int fd, int backlog);

    static native int getsockname(int fd, Pointer address, IntByReference length);

    static native int close(int fd);

    /** {@code fcntl(fd, cmd, arg)}: only F_GETFL/F_SETFL with an int, which passes as a plain argument. */
    static native int fcntl(int fd, int cmd, int arg);

    static native String strerror(int errnum);
}
