package jsup.supervisor.prestart;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import jsup.supervisor.files.ProcessUser;

/**
 * The folder of a lock file, opened one name at a time from {@code /} with {@code O_NOFOLLOW}
 * ({@link SecureDirectoryStream}: {@code openat}, {@code fstatat} and {@code unlinkat} on the open
 * folder), so that no symlink anywhere on the path is followed and a folder swapped after it was
 * checked cannot redirect what is read or removed.
 *
 * <p>Each folder on the path must belong to jsupd's user or to root, and a folder anyone may write to
 * must have the sticky bit (as {@code /tmp} has), so that no other user can rename or replace what is
 * in it. A folder writable by its group is trusted as far as that group.
 */
final class LockDirectory implements AutoCloseable {

    private static final int STICKY = 01000;

    private final SecureDirectoryStream<Path> folder;
    private final Path name;

    private LockDirectory(SecureDirectoryStream<Path> folder, Path name) {
        this.folder = folder;
        this.name = name;
    }

    /** Why a lock's path is not safe to act on; the message names the path and the reason. */
    static final class UnsafePathException extends Exception {
        UnsafePathException(String message) {
            super(message);
        }
    }

    /**
     * Opens the folder of {@code file} (an absolute path) safely.
     *
     * @throws UnsafePathException when a folder on the path is a symlink, belongs to another user or
     *                             may be changed by anyone
     * @throws IOException         when a folder cannot be opened (e.g. it is gone)
     */
    static LockDirectory open(Path file, ProcessUser owners) throws UnsafePathException, IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new UnsafePathException(file + " is not a file in a folder");
        }
        DirectoryStream<Path> root = Files.newDirectoryStream(parent.getRoot());
        if (!(root instanceof SecureDirectoryStream<Path> current)) {
            root.close();
            throw new UnsafePathException("this platform cannot open folders without following symlinks");
        }
        Path walked = parent.getRoot();
        try {
            checkFolder(current, walked, owners);
            for (Path part : parent) {
                walked = walked.resolve(part);
                SecureDirectoryStream<Path> next = openChild(current, part, walked);
                current.close();
                current = next;
                checkFolder(current, walked, owners);
            }
            return new LockDirectory(current, absolute.getFileName());
        } catch (UnsafePathException | IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** The lock's attributes, read without following a symlink ({@code fstatat(AT_SYMLINK_NOFOLLOW)}). */
    PosixFileAttributes attributes() throws IOException {
        return folder.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    /** Up to {@code max} bytes of the lock, opened with {@code O_NOFOLLOW}. */
    byte[] read(int max) throws IOException {
        try (var channel = folder.newByteChannel(name, java.util.Set.of(LinkOption.NOFOLLOW_LINKS))) {
            return java.nio.channels.Channels.newInputStream(channel).readNBytes(max);
        }
    }

    /** Removes the lock by its name in the open folder ({@code unlinkat}). */
    void delete() throws IOException {
        folder.deleteFile(name);
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }

    private static SecureDirectoryStream<Path> openChild(SecureDirectoryStream<Path> parent, Path part, Path walked)
            throws UnsafePathException, IOException {
        PosixFileAttributes attrs = parent.getFileAttributeView(part, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (attrs.isSymbolicLink()) {
            throw new UnsafePathException(walked + " is a symlink; jsup never follows one to a lock "
                    + "(give the real path: " + realPath(walked) + ")");
        }
        if (!attrs.isDirectory()) {
            throw new IOException(walked + " is not a folder");
        }
        try {
            // O_NOFOLLOW: a symlink swapped in since the check above fails here (ELOOP).
            return parent.newDirectoryStream(part, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            throw new IOException("folder " + walked + " cannot be read by jsupd's user, so it cannot be opened"
                    + " without following symlinks", e);
        } catch (FileSystemException e) {
            throw new UnsafePathException(walked + " changed while it was opened (" + e.getReason() + ")");
        }
    }

    private static void checkFolder(SecureDirectoryStream<Path> folder, Path walked, ProcessUser owners)
            throws UnsafePathException, IOException {
        // fstat of the open folder: what is checked is what will be used.
        PosixFileAttributes attrs = folder.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
        if (!owners.isSelfOrRoot(attrs.owner())) {
            throw new UnsafePathException("folder " + walked + " belongs to " + attrs.owner().getName()
                    + ", not to jsupd's user or root");
        }
        if (attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE) && !sticky(walked, attrs)) {
            throw new UnsafePathException("folder " + walked + " may be written by anyone and has no sticky bit"
                    + " (chmod o-w or +t)");
        }
    }

    /** The sticky bit, which java.nio's permissions omit: read by path and trusted only if it is the same folder. */
    private static boolean sticky(Path walked, PosixFileAttributes opened) throws IOException {
        Map<String, Object> unix = Files.readAttributes(walked, "unix:mode,fileKey", LinkOption.NOFOLLOW_LINKS);
        return opened.fileKey().equals(unix.get("fileKey")) && ((Integer) unix.get("mode") & STICKY) != 0;
    }

    private static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
