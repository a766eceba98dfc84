package jsup.gateway.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highest update id already handled, kept in {@code <stateDir>/telegram/update-offset.json}
 * as {@code {"version":1,"lastUpdateId":N}} (upstream's format). Written atomically (temp file,
 * fsync, rename) so a crash never leaves a torn file. Updates at or below it are never answered
 * again, across restarts too. Thread-safe.
 *
 * <p>Writes use {@code java.io} streams on purpose: NIO channels close when the writing thread is
 * interrupted, and the channel interrupts its threads on stop.
 */
final class UpdateOffsetStore {

    private static final Logger log = LoggerFactory.getLogger(UpdateOffsetStore.class);
    static final int VERSION = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private long lastUpdateId;
    private boolean closed;

    private UpdateOffsetStore(Path file, long lastUpdateId) {
        this.file = file;
        this.lastUpdateId = lastUpdateId;
    }

    /** The offset file's place under a state directory. */
    static Path fileIn(Path stateDir) {
        return stateDir.resolve("telegram").resolve("update-offset.json");
    }

    /**
     * Reads the stored offset; a missing file means nothing handled yet. A file that cannot be
     * understood is reported and treated as missing (Telegram still holds back confirmed updates,
     * so at worst the last unconfirmed batch is answered again).
     */
    static UpdateOffsetStore open(Path stateDir) throws IOException {
        Path file = fileIn(stateDir);
        Files.createDirectories(file.getParent());
        return new UpdateOffsetStore(file, read(file));
    }

    private static long read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return 0;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(text);
            if (root != null && root.path("version").asInt() == VERSION && root.path("lastUpdateId").canConvertToLong()
                    && root.path("lastUpdateId").isIntegralNumber()) {
                return Math.max(0, root.path("lastUpdateId").asLong());
            }
        } catch (IOException e) {
            // fall through to the warning: the content is not JSON
        }
        log.warn("Ignoring unreadable Telegram offset file {}: expected {\"version\":1,\"lastUpdateId\":N};"
                + " it is rewritten after the next handled update", file);
        return 0;
    }

    synchronized long lastUpdateId() {
        return lastUpdateId;
    }

    /** Whether an update was handled before (in this run or an earlier one). */
    synchronized boolean isHandled(long updateId) {
        return updateId <= lastUpdateId;
    }

    /**
     * Records an update as handled. Ids only move forward; after {@link #close()} nothing is
     * written (a reply abandoned at shutdown must not move the offset of the next instance).
     */
    synchronized void markHandled(long updateId) throws IOException {
        if (closed || updateId <= lastUpdateId) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = json.writeValueAsBytes(json.createObjectNode().put("version", VERSION).put("lastUpdateId", updateId));
        try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            out.write(bytes);
            out.write('\n');
            out.getFD().sync();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        lastUpdateId = updateId;
    }

    /** Stops all further writes. */
    synchronized void close() {
        closed = true;
    }

    Path file() {
        return file;
    }
}
