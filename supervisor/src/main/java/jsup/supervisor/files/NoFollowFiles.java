package jsup.supervisor.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens files for appending without following a symlink at the last name ({@code O_NOFOLLOW}), so a
 * log path in a shared folder cannot be pointed at another file between two opens. A device or FIFO
 * (e.g. {@code /dev/null}) opens as before.
 */
public final class NoFollowFiles {

    /** rw-r----- : app logs, readable by the owner's group (a log shipper, an admin group), no one else. */
    public static final Set<PosixFilePermission> LOG_MODE = PosixFilePermissions.fromString("rw-r-----");

    private NoFollowFiles() {
    }

    /**
     * Opens {@code file} for appending, creating it with {@code mode} (less the umask) when missing; an
     * existing file keeps its mode.
     *
     * @throws IOException when it cannot be opened; a symlink is named as such
     */
    public static FileChannel openAppend(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode));
        } catch (IOException e) {
            // ELOOP comes as a plain IOException: say what it means.
            if (Files.isSymbolicLink(file)) {
                throw new FileSystemException(file.toString(), null,
                        "it is a symlink, which jsup does not follow; give the file's real path");
            }
            throw e;
        }
    }
}
