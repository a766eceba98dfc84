package jsup.supervisor.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Binds a Unix-domain socket so that it is never wider than 0600, not even for an instant: {@code bind}
 * creates the socket file with the process's umask (0755 with the usual 022), so it is bound in a
 * private 0700 folder next to its final path ({@code .bind/s}), set to 0600 there, and only then
 * renamed into place. A umask would do it too, but the umask is per process and would also narrow
 * every file the other threads of jsupd create meanwhile.
 */
final class PrivateSocketBind {

    /** Next to the socket; {@code .bind/s} is no longer than {@code jsup.sock}, so it fits where the socket does. */
    static final String PRIVATE_FOLDER = ".bind";

    private PrivateSocketBind() {
    }

    /** Binds {@code socket} (any file there is replaced: the caller owns the path). */
    static ServerSocketChannel bind(Path socket, int backlog) throws IOException {
        return bind(socket, backlog, boundAt -> {
        });
    }

    /** As {@link #bind(Path, int)}; {@code afterBind} sees where the socket was bound, before its mode is set. */
    static ServerSocketChannel bind(Path socket, int backlog, Consumer<Path> afterBind) throws IOException {
        Path folder = socket.resolveSibling(PRIVATE_FOLDER);
        Path bound = folder.resolve("s");
        removeLeftover(folder, bound);
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(bound), backlog);
            afterBind.accept(bound);
            Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
            try {
                Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(bound, socket, StandardCopyOption.REPLACE_EXISTING);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } finally {
            removeLeftover(folder, bound);
        }
    }

    /** What a jsupd that died while binding left behind (or a symlink put there: removed, not followed). */
    private static void removeLeftover(Path folder, Path bound) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(bound);
        }
        Files.deleteIfExists(folder);
    }
}
