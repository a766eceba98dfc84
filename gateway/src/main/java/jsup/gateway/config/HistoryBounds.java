package jsup.gateway.config;

import jsup.supervisor.units.Sizes;

/**
 * {@code gateway.history}: how much chat history the gateway keeps in memory, counted as 2 bytes
 * per character (the most a Java string takes).
 *
 * @param maxChats         chats remembered; past it the least recently used one is forgotten
 * @param maxBytesPerChat  one chat's history; past it the chat's oldest turns are dropped
 * @param maxBytesTotal    all histories together; past it the least recently used chats lose theirs
 */
public record HistoryBounds(int maxChats, long maxBytesPerChat, long maxBytesTotal) {

    public static final int DEFAULT_MAX_CHATS = 500;
    public static final long DEFAULT_MAX_BYTES_PER_CHAT = 1024 * 1024;
    public static final long DEFAULT_MAX_BYTES_TOTAL = 64L * 1024 * 1024;
    public static final HistoryBounds DEFAULTS = new HistoryBounds(DEFAULT_MAX_CHATS, DEFAULT_MAX_BYTES_PER_CHAT,
            DEFAULT_MAX_BYTES_TOTAL);

    /** The smallest per-chat bound: one short exchange must fit. */
    public static final long MIN_BYTES_PER_CHAT = 1024;
    /** The largest total: more would not fit the gateway's default heap (see docs/gateway.md, Memory). */
    public static final long MAX_BYTES_TOTAL = 1024L * 1024 * 1024;
    public static final int MAX_CHATS = 100_000;

    public HistoryBounds {
        if (maxChats < 1 || maxBytesPerChat < 1 || maxBytesTotal < maxBytesPerChat) {
            throw new IllegalArgumentException("need maxChats >= 1 and 0 < maxBytesPerChat (" + maxBytesPerChat
                    + ") <= maxBytesTotal (" + maxBytesTotal + ")");
        }
    }

    @Override
    public String toString() {
        return "maxChats " + maxChats + ", maxBytesPerChat " + Sizes.format(maxBytesPerChat) + ", maxBytesTotal "
                + Sizes.format(maxBytesTotal);
    }
}
