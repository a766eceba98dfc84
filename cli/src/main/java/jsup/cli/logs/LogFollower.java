package jsup.cli.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows log files like {@code tail -F}: each {@link #poll()} returns the complete lines written
 * since the last one. A file that shrank (flushed) is read again from its start.
 *
 * <p>Rotation (jsupd renames the file to a timestamped copy, see {@code jsup.supervisor.log.RotatedFiles},
 * and starts a new one) loses no line, however many rotations happen between two polls: the renamed
 * file is read to its end through the still-open handle, then every copy rotated after it, whole and
 * in rotation order (gzipped or not), then the new file from its start. Only copies already deleted
 * by {@code log_retain} before we reach them are gone.
 */
public final class LogFollower implements AutoCloseable {

    private final List<Tracked> files = new ArrayList<>();

    /**
     * @param sources   the files to follow
     * @param fromStart read existing content too (else start at each file's current end)
     */
    public LogFollower(List<LogSource> sources, boolean fromStart) {
        for (LogSource s : sources) {
            Tracked t = new Tracked(s);
            t.openAt(!fromStart);
            files.add(t);
        }
    }

    /**
     * Where following starts in each source's file: the tail shown before following ends there, so
     * no line is shown twice or skipped. 0 for a file that does not exist yet.
     */
    public long startOffset(LogSource source) {
        for (Tracked t : files) {
            if (t.source.equals(source)) {
                return t.channel == null ? 0 : t.pos;
            }
        }
        throw new IllegalArgumentException("not followed: " + source);
    }

    /** The complete lines written since the last poll, file by file. */
    public List<LogLine> poll() {
        List<LogLine> out = new ArrayList<>();
        for (Tracked t : files) {
            t.poll(out);
        }
        return out;
    }

    @Override
    public void close() {
        for (Tracked t : files) {
            t.closeChannel();
        }
    }

    /** One followed path: the open handle, how far it was read, and the rotated copies seen so far. */
    private static final class Tracked {
        /** Times the first open is retried when the file rotates under it; then we take what we got. */
        private static final int OPEN_ATTEMPTS = 8;

        private final LogSource source;
        private final LineSplitter lines;
        private final ByteBuffer buf = ByteBuffer.allocate(65536);
        private FileChannel channel;
        private Object key;
        private long pos;
        /** The rotated copies that existed when {@link #channel} was opened: none of them is ours to read. */
        private RotatedCopies.Snapshot known = RotatedCopies.Snapshot.EMPTY;

        Tracked(LogSource source) {
            this.source = source;
            this.lines = new LineSplitter(source);
        }

        /** Opens the file, at its end or start, noting which rotated copies already exist. */
        void openAt(boolean atEnd) {
            for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
                RotatedCopies.Snapshot before = RotatedCopies.of(source.file());
                if (!openChannel()) {
                    known = before;
                    return;
                }
                RotatedCopies.Snapshot after = RotatedCopies.of(source.file());
                if (after.newerThan(before).isEmpty()) {
                    known = after;
                    pos = atEnd ? size() : 0;
                    return;
                }
                // It rotated while we opened it: what we hold may already be a rotated copy; look again.
                closeChannel();
            }
            known = RotatedCopies.of(source.file());
            openChannel();
            pos = atEnd ? size() : 0;
        }

        void poll(List<LogLine> out) {
            if (channel == null) {
                if (Files.exists(source.file())) {
                    openAt(false);
                }
                if (channel == null) {
                    return;
                }
            }
            drain(out);
            if (channel == null) {
                return;
            }
            Object current = currentKey();
            if (current != null && !Objects.equals(current, key)) {
                followRotation(out);
                return;
            }
            try {
                if (channel.size() < pos) {
                    // Flushed (truncated in place): read it again from its start.
                    pos = 0;
                    lines.reset();
                    drain(out);
                }
            } catch (IOException e) {
                closeChannel();
            }
        }

        /**
         * Our file was renamed away: finish it, read every copy rotated after it, then go on with the
         * new file. When the new file was itself rotated before we opened it, what we opened is one of
         * those copies: the ones before it are read now, it is followed as usual, and the next poll
         * sees it renamed and comes back here for the rest.
         */
        private void followRotation(List<LogLine> out) {
            drain(out);
            lines.flush(out);
            RotatedCopies.Snapshot now = RotatedCopies.of(source.file());
            List<Path> fresh = now.newerThan(known);
            // Our copy not found: deleted by log_retain already; everything newer than what we knew is unread.
            int ours = indexOfOurs(fresh);
            readWhole(fresh.subList(ours + 1, fresh.size()), out);
            closeChannel();
            if (!openChannel()) {
                known = now;
                return;
            }
            RotatedCopies.Snapshot after = RotatedCopies.of(source.file());
            List<Path> meanwhile = after.newerThan(now);
            int opened = indexOfOurs(meanwhile);
            if (opened < 0) {
                readWhole(meanwhile, out);
                known = after;
            } else {
                readWhole(meanwhile.subList(0, opened), out);
                known = after.without(meanwhile.subList(opened, meanwhile.size()));
            }
            drain(out);
        }

        /** Where the file behind our handle is among {@code copies}, or -1. */
        private int indexOfOurs(List<Path> copies) {
            for (int i = 0; i < copies.size(); i++) {
                if (RotatedCopies.isSameFile(copies.get(i), channel, key)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Opens the file and learns its identity. The path is looked up twice around the open: when a
         * rotation renamed it in between, the key would name another file than the handle reads, and a
         * later poll would take a copy for ours; so it is opened again until both looks agree.
         */
        private boolean openChannel() {
            for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
                try {
                    Object before = Files.readAttributes(source.file(), BasicFileAttributes.class).fileKey();
                    FileChannel opened = FileChannel.open(source.file(), StandardOpenOption.READ);
                    Object after = Files.readAttributes(source.file(), BasicFileAttributes.class).fileKey();
                    if (Objects.equals(before, after) || attempt == OPEN_ATTEMPTS - 1) {
                        channel = opened;
                        key = after;
                        pos = 0;
                        return true;
                    }
                    opened.close();
                } catch (IOException e) {
                    channel = null;
                    return false;
                }
            }
            return false;
        }

        private long size() {
            try {
                return channel == null ? 0 : channel.size();
            } catch (IOException e) {
                return 0;
            }
        }

        private Object currentKey() {
            try {
                return Files.readAttributes(source.file(), BasicFileAttributes.class).fileKey();
            } catch (IOException e) {
                return null;
            }
        }

        private void drain(List<LogLine> out) {
            try {
                while (true) {
                    buf.clear();
                    int n = channel.read(buf, pos);
                    if (n <= 0) {
                        return;
                    }
                    pos += n;
                    lines.accept(buf.array(), n, out);
                }
            } catch (IOException e) {
                closeChannel();
            }
        }

        private void readWhole(List<Path> copies, List<LogLine> out) {
            for (Path copy : copies) {
                try {
                    RotatedCopies.read(copy, (bytes, n) -> lines.accept(bytes, n, out));
                } catch (IOException e) {
                    // Pruned by log_retain before we got to it: its lines are gone for everyone.
                }
                lines.flush(out);
            }
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Read-only handle: nothing to lose.
                }
                channel = null;
            }
        }
    }
}
