package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import jsup.supervisor.units.Sizes;

/**
 * Reads {@code gateway.history.{maxChats,maxBytesPerChat,maxBytesTotal}}. Upstream has no such
 * section (its sessions live on disk); jsup keeps history in memory, so its bounds sit with the
 * gateway's other resource settings.
 */
final class HistorySectionReader {

    private static final String PATH = "gateway.history";
    private static final Set<String> KEYS = Set.of("maxChats", "maxBytesPerChat", "maxBytesTotal");

    private HistorySectionReader() {
    }

    /** The bounds, each key defaulted on its own; after a problem the defaults are returned. */
    static HistoryBounds read(JsonNode gateway, ConfigReader r) {
        JsonNode history = r.object(gateway, "history", "gateway");
        r.checkKeys(history, PATH, KEYS, Set.of());
        int chats = r.integer(history, "maxChats", PATH, 1, HistoryBounds.MAX_CHATS).orElse(HistoryBounds.DEFAULT_MAX_CHATS);
        long total = r.size(history, "maxBytesTotal", PATH, HistoryBounds.MIN_BYTES_PER_CHAT, HistoryBounds.MAX_BYTES_TOTAL)
                .orElse(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL);
        long perChat = r.size(history, "maxBytesPerChat", PATH, HistoryBounds.MIN_BYTES_PER_CHAT, HistoryBounds.MAX_BYTES_TOTAL)
                .orElse(Math.min(HistoryBounds.DEFAULT_MAX_BYTES_PER_CHAT, total));
        if (perChat > total) {
            r.problem(PATH + ".maxBytesPerChat", Sizes.format(perChat) + " is more than " + PATH + ".maxBytesTotal ("
                    + Sizes.format(total) + "); one chat cannot hold more than all chats together: lower it or raise the total");
            return HistoryBounds.DEFAULTS;
        }
        return new HistoryBounds(chats, perChat, total);
    }
}
