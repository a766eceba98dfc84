package jsup.supervisor.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import jsup.supervisor.files.NoFollowFiles;

/**
 * Names, lists, prunes and compresses the rotated copies of one log file.
 *
 * <p>Naming, as pm2-logrotate does it: {@code app-out.log} is renamed to
 * {@code app-out__2026-11-28_11-00-00.log} (the rotation time, local zone); a second rotation in
 * the same second gets {@code app-out__2026-11-28_11-00-00-1.log}, and so on. A rotated file is never
 * renamed again, so background gzip ({@code ….log.gz}) cannot race with the next rotation.
 */
public final class RotatedFiles {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd_HH-mm-ss");
    private static final String GZ = ".gz";
    private static final String PARTIAL = ".gz.tmp";

    // One background thread for every app's gzip: compression is never on a writer's path.
    private static final ExecutorService GZIP = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(null, r, "log-gzip", 256 * 1024);
                t.setDaemon(true);
                return t;
            });

    private RotatedFiles() {
    }

    /** The rotated copies of {@code file} ({@code .log} or {@code .log.gz}), oldest first. */
    public static List<Path> list(Path file) throws IOException {
        Pattern pattern = pattern(file);
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Entry> byKey = new LinkedHashMap<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir)) {
            for (Path p : siblings) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int seq = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                String key = m.group(1) + "#" + seq;
                boolean gz = m.group(3) != null;
                // While gzip finishes, both copies exist and both are complete: list the plain one once.
                byKey.merge(key, new Entry(p, m.group(1), seq), (a, b) -> gz ? a : b);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(byKey.values());
        entries.sort(Comparator.comparing(Entry::stamp).thenComparingInt(Entry::seq));
        List<Path> paths = new ArrayList<>(entries.size());
        entries.forEach(e -> paths.add(e.path));
        return paths;
    }

    /**
     * A fresh name for a copy of {@code file} rotated at {@code when}. It sorts after every existing
     * copy, even after older ones were pruned or the clock stepped back, so listing order stays
     * rotation order.
     */
    static Path nameFor(Path file, Instant when, ZoneId zone) throws IOException {
        String[] parts = split(file.getFileName().toString());
        String stamp = STAMP.format(when.atZone(zone));
        Pattern pattern = pattern(file);
        int next = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.toAbsolutePath().getParent())) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                if (name.endsWith(PARTIAL)) {
                    name = name.substring(0, name.length() - PARTIAL.length());
                }
                Matcher m = pattern.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                int seq = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int order = m.group(1).compareTo(stamp);
                if (order > 0) {
                    stamp = m.group(1);
                    next = seq + 1;
                } else if (order == 0) {
                    next = Math.max(next, seq + 1);
                }
            }
        }
        return file.resolveSibling(parts[0] + "__" + stamp + (next == 0 ? "" : "-" + next) + parts[1]);
    }

    /** Deletes the oldest rotated copies so that at most {@code retain} remain. */
    static void prune(Path file, int retain) throws IOException {
        List<Path> all = list(file);
        for (int i = 0; i < all.size() - Math.max(retain, 0); i++) {
            deleteAllForms(all.get(i));
        }
    }

    /** Deletes every rotated copy of {@code file} (used by {@code jsup flush}). */
    static void deleteAll(Path file) throws IOException {
        for (Path p : list(file)) {
            deleteAllForms(p);
        }
    }

    /** Gzips a rotated copy in the background: {@code x.log} becomes {@code x.log.gz}. */
    static void compressLater(Path rotated) {
        GZIP.execute(() -> compress(rotated));
    }

    static void compress(Path rotated) {
        Path partial = rotated.resolveSibling(rotated.getFileName() + PARTIAL);
        Path done = rotated.resolveSibling(rotated.getFileName() + GZ);
        try {
            // A fresh file (O_EXCL), never a symlink planted at the partial name; no symlink read either.
            Files.deleteIfExists(partial);
            try (InputStream in = Files.newInputStream(rotated, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = new GZIPOutputStream(Channels.newOutputStream(FileChannel.open(partial,
                         Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                         PosixFilePermissions.asFileAttribute(NoFollowFiles.LOG_MODE))), 64 * 1024)) {
                in.transferTo(out);
            }
            if (!Files.exists(rotated)) {
                // Pruned or flushed while we compressed: do not bring it back.
                Files.deleteIfExists(partial);
                return;
            }
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(rotated);
        } catch (NoSuchFileException e) {
            deleteQuietly(partial);
        } catch (IOException e) {
            deleteQuietly(partial);
            // The plain copy stays; nothing is lost, it is only not compressed.
            System.err.println("jsup: could not gzip " + rotated + ": " + e);
        }
    }

    private static void deleteAllForms(Path p) throws IOException {
        String name = p.getFileName().toString();
        String plain = name.endsWith(GZ) ? name.substring(0, name.length() - GZ.length()) : name;
        Files.deleteIfExists(p.resolveSibling(plain));
        Files.deleteIfExists(p.resolveSibling(plain + GZ));
        Files.deleteIfExists(p.resolveSibling(plain + PARTIAL));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a leftover .gz.tmp is never listed as a rotated copy.
        }
    }

    private static Pattern pattern(Path file) {
        String[] parts = split(file.getFileName().toString());
        return Pattern.compile(Pattern.quote(parts[0] + "__")
                + "(\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})(?:-(\\d+))?"
                + Pattern.quote(parts[1]) + "(\\.gz)?");
    }

    /** {@code app-out.log} → {@code ["app-out", ".log"]}; a name without extension keeps an empty one. */
    private static String[] split(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? new String[] {name.substring(0, dot), name.substring(dot)} : new String[] {name, ""};
    }

    private record Entry(Path path, String stamp, int seq) {
    }
}
