package jsup.supervisor.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader (or a crash) never sees a torn one: a fresh temp file (created with
 * {@code O_EXCL}, so a symlink or file planted at {@code <name>.tmp} is never written through), fsync,
 * rename over the target, fsync of the folder so the rename itself survives a crash.
 */
public final class AtomicFiles {

    /** rw------- : jsupd's own files. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** rw-r--r-- : files others read, such as an app's pid_file (as PM2's and most daemons' are). */
    public static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (mode 0600). */
    public static void write(Path target, String text) throws IOException {
        write(target, text, OWNER_ONLY);
    }

    /** Replaces {@code target} with {@code text}, created with {@code mode} (less the umask). */
    public static void write(Path target, String text, Set<PosixFilePermission> mode) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        // Removes a leftover (or a planted symlink itself, never what it points to).
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(mode))) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(target.toAbsolutePath().getParent());
    }

    /**
     * fsync of a folder, which makes a rename or a creation in it durable. A folder jsupd may write
     * but not read (mode 0300) cannot be opened for it: the file is then in place, only not forced.
     */
    static void syncFolder(Path folder) throws IOException {
        FileChannel dir;
        try {
            dir = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            return;
        }
        try (dir) {
            dir.force(true);
        }
    }
}
