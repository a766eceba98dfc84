package jsup.supervisor.readiness;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.supervisor.libc.LibcBinding;

/**
 * The receiving end of systemd's notify protocol: an {@code AF_UNIX} datagram socket with
 * {@code SO_PASSCRED}, so each datagram comes with the sender's pid from the kernel
 * ({@code SCM_CREDENTIALS}), which no sender can fake. Java 17 has no datagram Unix sockets, hence JNA
 * (glibc, 64-bit Linux, as {@code log.NativeSpawner}). One thread receives; {@link #close} wakes it.
 */
public final class NotifySocket implements AutoCloseable {

    /** sockaddr_un's sun_path holds 108 bytes with the closing NUL. */
    public static final int MAX_PATH_BYTES = 107;

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_PASSCRED = 16;
    private static final int SO_RCVTIMEO = 20;
    private static final long RECEIVE_TIMEOUT_SECONDS = 60;
    private static final int SCM_RIGHTS = 1;
    private static final int SCM_CREDENTIALS = 2;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    /** systemd reads at most this much of a notify datagram. */
    private static final int DATA_BYTES = 4096;
    private static final int CONTROL_BYTES = 512;
    private static final boolean AVAILABLE = load();

    /** One datagram: the sender's pid and uid as the kernel saw them, its text, and any descriptors sent. */
    public record Datagram(int pid, int uid, String text, List<Integer> descriptors) {

        /**
         * Closes the descriptors sent along: {@code BARRIER=1} (systemd-notify's default) waits for exactly
         * that, so call it once the message has been handed on.
         */
        public void release() {
            descriptors.forEach(Libc::close);
        }
    }

    private final int fd;
    private final Path path;
    private final Memory data = new Memory(DATA_BYTES);
    private final Memory control = new Memory(CONTROL_BYTES);
    private final Memory iov = new Memory(16);
    private final Memory header = new Memory(56);
    private volatile boolean closed;

    private NotifySocket(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    private static boolean load() {
        return LibcBinding.register(Libc.class);
    }

    /** Whether this JVM can open one (64-bit Linux with JNA). */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Binds a socket at {@code path} (a file there is replaced), mode 0600.
     *
     * @throws IOException when the path is too long for a socket address or the bind fails
     */
    public static NotifySocket open(Path path) throws IOException {
        if (!AVAILABLE) {
            throw new IOException("datagram Unix sockets need JNA on 64-bit Linux");
        }
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length > MAX_PATH_BYTES) {
            throw new IOException(path + " is " + name.length + " bytes, longer than a socket address allows ("
                    + MAX_PATH_BYTES + "); use a shorter JSUP_HOME");
        }
        Files.deleteIfExists(path);
        int fd = Libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM) failed: errno " + Native.getLastError());
        }
        try {
            Memory address = new Memory(110);
            address.clear();
            address.setShort(0, (short) AF_UNIX);
            address.write(2, name, 0, name.length);
            check(Libc.bind(fd, address, 2 + name.length + 1), "bind " + path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            Memory on = new Memory(4);
            on.setInt(0, 1);
            check(Libc.setsockopt(fd, SOL_SOCKET, SO_PASSCRED, on, 4), "SO_PASSCRED");
            Memory timeout = new Memory(16);
            // seconds: close() wakes a receive at once (shutdown), so this is only a safety net; not 1 s,
            // as jsupd's idle CPU would pay a wake-up every second for it
            timeout.setLong(0, RECEIVE_TIMEOUT_SECONDS);
            timeout.setLong(8, 0);
            check(Libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16), "SO_RCVTIMEO");
            return new NotifySocket(fd, path);
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Waits up to a minute for a datagram. Empty on the timeout, after {@link #close}, or for a datagram
     * without credentials (never sent by the kernel with SO_PASSCRED on).
     */
    public Optional<Datagram> receive() throws IOException {
        if (closed) {
            return Optional.empty();
        }
        iov.setPointer(0, data);
        iov.setLong(8, DATA_BYTES);
        header.clear();
        header.setPointer(16, iov);
        header.setLong(24, 1);
        header.setPointer(32, control);
        header.setLong(40, CONTROL_BYTES);
        long n = Libc.recvmsg(fd, header, MSG_CMSG_CLOEXEC);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == EAGAIN || errno == EINTR || closed) {
                return Optional.empty();
            }
            throw new IOException("recvmsg on " + path + " failed: errno " + errno);
        }
        int pid = 0;
        int uid = -1;
        List<Integer> fds = new ArrayList<>();
        long controlLength = header.getLong(40);
        long at = 0;
        while (at + 16 <= controlLength) {
            long length = control.getLong(at);
            int level = control.getInt(at + 8);
            int type = control.getInt(at + 12);
            if (length < 16) {
                break;
            }
            if (level == SOL_SOCKET && type == SCM_CREDENTIALS && length >= 16 + 12) {
                pid = control.getInt(at + 16);
                uid = control.getInt(at + 20);
            } else if (level == SOL_SOCKET && type == SCM_RIGHTS) {
                for (long i = 0; i + 4 <= length - 16; i += 4) {
                    fds.add(control.getInt(at + 16 + i));
                }
            }
            at += (length + 7) & ~7L;
        }
        String text = new String(data.getByteArray(0, (int) Math.min(n, DATA_BYTES)), StandardCharsets.UTF_8);
        Datagram d = new Datagram(pid, uid, text, List.copyOf(fds));
        if (pid <= 0) {
            d.release();
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** Stops receiving: a {@link #receive} under way returns. The descriptor is freed by {@link #release}. */
    @Override
    public void close() {
        closed = true;
        Libc.shutdown(fd, SHUT_RDWR);
    }

    /** Frees the descriptor and removes the socket file; call once no thread receives any more. */
    public void release() {
        closed = true;
        Libc.close(fd);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a jsupd that starts again replaces it
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private static void check(int result, String what) throws IOException {
        if (result != 0) {
            throw new IOException(what + " failed: errno " + Native.getLastError());
        }
    }

    /** glibc, bound once by JNA's direct mapping. */
    private static final class Libc {
        static native int socket(int domain, int type, int protocol);

        static native int bind(int fd, Pointer address, int length);

        static native int setsockopt(int fd, int level, int name, Pointer value, int length);

        static native long recvmsg(int fd, Pointer message, int flags);

        static native int shutdown(int fd, int how);

        static native int close(int fd);
    }
}
