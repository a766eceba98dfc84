package jsup.cli.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import jsup.supervisor.log.RotatedFiles;

/**
 * The rotated copies of a log file as {@code jsup logs} sees them, named and ordered by
 * {@link RotatedFiles} ({@code app-out__<time>[-n].log}, maybe gzipped to {@code ….log.gz}).
 * A copy is known by its name without {@code .gz}, so one being compressed is still the same copy.
 */
final class RotatedCopies {

    private static final String GZ = ".gz";
    /** Bytes compared to recognise our own file in its gzipped copy. */
    private static final int PREFIX_BYTES = 4096;

    private RotatedCopies() {
    }

    /** One listing of the rotated copies, oldest first. */
    static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(List.of());

        private final List<Copy> copies;

        private Snapshot(List<Copy> copies) {
            this.copies = copies;
        }

        /** The copies in this listing that {@code earlier} did not have, oldest first. */
        List<Path> newerThan(Snapshot earlier) {
            List<Path> fresh = new ArrayList<>();
            for (Copy c : copies) {
                if (!earlier.has(c)) {
                    fresh.add(c.path);
                }
            }
            return fresh;
        }

        /** This listing without {@code paths}: they count as not seen yet. */
        Snapshot without(Collection<Path> paths) {
            Set<String> drop = new HashSet<>();
            paths.forEach(p -> drop.add(baseName(p)));
            List<Copy> kept = new ArrayList<>();
            for (Copy c : copies) {
                if (!drop.contains(c.name)) {
                    kept.add(c);
                }
            }
            return new Snapshot(kept);
        }

        private boolean has(Copy c) {
            for (Copy k : copies) {
                // Same name, and not a new plain file reusing a deleted copy's name (after a flush).
                if (k.name.equals(c.name) && (k.key == null || c.key == null || k.key.equals(c.key))) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Copy(String name, Path path, Object key) {
    }

    /** The rotated copies of {@code file} now; empty when none or unreadable. */
    static Snapshot of(Path file) {
        List<Path> paths;
        try {
            paths = RotatedFiles.list(file);
        } catch (IOException e) {
            return Snapshot.EMPTY;
        }
        List<Copy> copies = new ArrayList<>(paths.size());
        for (Path p : paths) {
            copies.add(new Copy(baseName(p), p, isGzip(p) ? null : fileKey(p)));
        }
        return new Snapshot(copies);
    }

    /**
     * True when {@code copy} is the file {@code channel} reads: the same inode, or, once gzipped,
     * the same length and first bytes.
     */
    static boolean isSameFile(Path copy, FileChannel channel, Object key) {
        if (channel == null) {
            return false;
        }
        if (!isGzip(copy)) {
            Object k = fileKey(copy);
            if (k != null) {
                return k.equals(key);
            }
            copy = copy.resolveSibling(copy.getFileName() + GZ); // compressed since it was listed
        }
        try {
            long size = channel.size();
            if (gzipLength(copy) != (size & 0xffffffffL)) {
                return false;
            }
            int n = (int) Math.min(PREFIX_BYTES, size);
            ByteBuffer ours = ByteBuffer.allocate(n);
            while (ours.hasRemaining() && channel.read(ours, ours.position()) > 0) {
                // read the prefix fully
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(copy))) {
                return Arrays.equals(ours.array(), in.readNBytes(n));
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Receives a file's bytes in blocks. */
    interface Blocks {
        void accept(byte[] bytes, int length);
    }

    /**
     * Reads a whole copy, gunzipping a {@code .gz}; a plain copy compressed since it was listed is read
     * from its {@code .gz}.
     *
     * @throws IOException when neither form exists any more (pruned) or it cannot be read
     */
    static void read(Path copy, Blocks blocks) throws IOException {
        InputStream in;
        try {
            in = open(copy);
        } catch (NoSuchFileException e) {
            if (isGzip(copy)) {
                throw e;
            }
            in = open(copy.resolveSibling(copy.getFileName() + GZ));
        }
        try (InputStream stream = in) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = stream.read(buf)) > 0) {
                blocks.accept(buf, n);
            }
        }
    }

    private static InputStream open(Path p) throws IOException {
        InputStream raw = Files.newInputStream(p);
        return isGzip(p) ? new GZIPInputStream(raw, 65536) : raw;
    }

    /** ISIZE from the gzip trailer: the uncompressed length modulo 2^32. */
    private static long gzipLength(Path gz) throws IOException {
        try (FileChannel ch = FileChannel.open(gz, StandardOpenOption.READ)) {
            if (ch.size() < 4) {
                return -1;
            }
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, ch.size() - 4);
            return b.getInt(0) & 0xffffffffL;
        }
    }

    private static boolean isGzip(Path p) {
        return p.getFileName().toString().endsWith(GZ);
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        return isGzip(p) ? name.substring(0, name.length() - GZ.length()) : name;
    }

    private static Object fileKey(Path p) {
        try {
            return Objects.requireNonNull(Files.readAttributes(p, BasicFileAttributes.class).fileKey());
        } catch (IOException | NullPointerException e) {
            return null;
        }
    }
}
