package jsup.supervisor.sockets;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import jsup.healthmon.proc.PortHolder;
import jsup.healthmon.proc.PortOwners;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.SocketSpec;

/**
 * Binds and listens as systemd's socket units do: {@code SO_REUSEADDR} (a restarted jsupd binds again despite
 * connections in TIME_WAIT), the kernel's largest backlog, close-on-exec; a Unix socket is mode 0600 and a stale
 * socket file (nobody accepts on it) is replaced. Every failure names the address and says how to fix it.
 */
final class SocketBinder {

    private final PortOwners owners;

    SocketBinder(ProcFs procFs) {
        this.owners = new PortOwners(procFs);
    }

    HeldSocket bind(String app, SocketSpec spec) throws IOException {
        if (!ListenSyscalls.available()) {
            throw new IOException("held sockets need JNA on 64-bit Linux; remove \"sockets\" from " + app);
        }
        return spec.listen() instanceof SocketSpec.Unix unix ? bindUnix(app, spec, unix.path())
                : bindTcp(app, spec, (SocketSpec.Tcp) spec.listen());
    }

    private HeldSocket bindTcp(String app, SocketSpec spec, SocketSpec.Tcp tcp) throws IOException {
        byte[] ip = InetAddress.getByName(tcp.host()).getAddress(); // a literal, checked at load: no lookup
        boolean v6 = ip.length == 16;
        Memory address = new Memory(v6 ? 28 : 16);
        address.clear();
        address.setShort(0, (short) (v6 ? ListenSyscalls.AF_INET6 : ListenSyscalls.AF_INET));
        address.setByte(2, (byte) (tcp.port() >> 8)); // network byte order
        address.setByte(3, (byte) tcp.port());
        address.write(v6 ? 8 : 4, ip, 0, ip.length);
        int fd = open(v6 ? ListenSyscalls.AF_INET6 : ListenSyscalls.AF_INET, spec);
        try {
            Memory on = new Memory(4);
            on.setInt(0, 1);
            ListenSyscalls.setsockopt(fd, ListenSyscalls.SOL_SOCKET, ListenSyscalls.SO_REUSEADDR, on, 4);
            if (ListenSyscalls.bind(fd, address, (int) address.size()) != 0) {
                throw new IOException(tcpBindFailure(app, spec, tcp, ListenSyscalls.errno()));
            }
            listen(fd, spec);
            IntByReference length = new IntByReference((int) address.size());
            ListenSyscalls.getsockname(fd, address, length);
            int port = ((address.getByte(2) & 0xff) << 8) | (address.getByte(3) & 0xff);
            return new HeldSocket(spec, fd, new SocketSpec.Tcp(tcp.host(), port).text());
        } catch (IOException | RuntimeException e) {
            ListenSyscalls.close(fd);
            throw e;
        }
    }

    private String tcpBindFailure(String app, SocketSpec spec, SocketSpec.Tcp tcp, int errno) {
        String what = "cannot listen on " + tcp.text() + " (socket \"" + spec.name() + "\" of " + app + "): ";
        return switch (errno) {
            case ListenSyscalls.EADDRINUSE -> what + "the port is in use" + holders(tcp.port())
                    + "; stop that process, or choose another port in \"sockets\"";
            case ListenSyscalls.EACCES -> what + "ports below 1024 need root or CAP_NET_BIND_SERVICE; use a port "
                    + "of 1024 or more, or give jsupd that capability";
            case ListenSyscalls.EADDRNOTAVAIL -> what + "no interface of this machine has the address " + tcp.host()
                    + "; use 127.0.0.1, 0.0.0.0 or an address that `ip addr` lists";
            default -> what + ListenSyscalls.strerror(errno);
        };
    }

    private String holders(int port) {
        try {
            List<PortHolder> holders = owners.holders(port);
            if (holders.isEmpty()) {
                return "";
            }
            return " by " + holders.stream().map(PortHolder::describe).distinct().collect(Collectors.joining(", "));
        } catch (RuntimeException e) {
            return ""; // who holds it is a hint; the failure is reported either way
        }
    }

    private HeldSocket bindUnix(String app, SocketSpec spec, Path path) throws IOException {
        String what = "cannot listen on " + path + " (socket \"" + spec.name() + "\" of " + app + "): ";
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            throw new IOException(what + "the folder " + path.getParent() + " does not exist; create it");
        }
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            removeStale(path, what);
        }
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        Memory address = new Memory(110);
        address.clear();
        address.setShort(0, (short) ListenSyscalls.AF_UNIX);
        address.write(2, name, 0, name.length);
        int fd = open(ListenSyscalls.AF_UNIX, spec);
        try {
            if (ListenSyscalls.bind(fd, address, 2 + name.length + 1) != 0) {
                int errno = ListenSyscalls.errno();
                throw new IOException(what + ListenSyscalls.strerror(errno)
                        + (errno == ListenSyscalls.EACCES ? "; jsupd's user needs write access to " + path.getParent()
                        : errno == ListenSyscalls.EADDRINUSE ? "; another server listens there: stop it or choose "
                        + "another path" : ""));
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            listen(fd, spec);
            return new HeldSocket(spec, fd, path.toString());
        } catch (IOException | RuntimeException e) {
            ListenSyscalls.close(fd);
            throw e;
        }
    }

    /** A socket nobody accepts on is left from a run that ended uncleanly: removed. Anything else stays. */
    private static void removeStale(Path path, String what) throws IOException {
        if (Files.isDirectory(path) || Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path)) {
            throw new IOException(what + "something that is not a socket is in the way; remove it or choose "
                    + "another path");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException refused) {
            Files.deleteIfExists(path);
            return;
        }
        throw new IOException(what + "another server listens there; stop it or choose another path");
    }

    private static int open(int family, SocketSpec spec) throws IOException {
        int fd = ListenSyscalls.socket(family, ListenSyscalls.SOCK_STREAM | ListenSyscalls.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("cannot open socket \"" + spec.name() + "\": "
                    + ListenSyscalls.strerror(ListenSyscalls.errno()));
        }
        return fd;
    }

    private static void listen(int fd, SocketSpec spec) throws IOException {
        if (ListenSyscalls.listen(fd, ListenSyscalls.BACKLOG) != 0) {
            throw new IOException("cannot listen on " + spec.listen().text() + " (socket \"" + spec.name() + "\"): "
                    + ListenSyscalls.strerror(ListenSyscalls.errno()));
        }
    }
}
