package jsup.gateway.bot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every chat's session, keyed by channel and chat id. Bounded three ways, so a busy or
 * long-running gateway cannot grow without end: past {@code maxChats} the least recently used chat
 * is forgotten; each chat's history is cut to {@code maxSessionBytes}; and when all histories
 * together pass {@code maxTotalBytes}, the least recently used chats lose their history first.
 * Bytes are counted as 2 per character, the most a Java string takes.
 */
public final class ChatSessions {

    public static final int DEFAULT_MAX_CHATS = 500;
    public static final long DEFAULT_MAX_SESSION_BYTES = 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private final Map<String, ChatSession> sessions;
    private final long maxSessionBytes;
    private final long maxTotalBytes;

    public ChatSessions(int maxChats) {
        this(maxChats, DEFAULT_MAX_SESSION_BYTES, DEFAULT_MAX_TOTAL_BYTES);
    }

    public ChatSessions(int maxChats, long maxSessionBytes, long maxTotalBytes) {
        if (maxChats < 1) {
            throw new IllegalArgumentException("maxChats < 1: " + maxChats);
        }
        if (maxSessionBytes < 1 || maxTotalBytes < maxSessionBytes) {
            throw new IllegalArgumentException("need 0 < maxSessionBytes (" + maxSessionBytes + ") <= maxTotalBytes (" + maxTotalBytes + ")");
        }
        this.maxSessionBytes = maxSessionBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChatSession> eldest) {
                return size() > maxChats;
            }
        };
    }

    synchronized ChatSession get(String channel, String chatId) {
        return sessions.computeIfAbsent(channel + ":" + chatId, k -> new ChatSession(maxSessionBytes, this::keepTotalBound));
    }

    public synchronized int size() {
        return sessions.size();
    }

    /** All histories together, in bytes. */
    public synchronized long totalBytes() {
        long total = 0;
        for (ChatSession s : sessions.values()) {
            total += s.bytes();
        }
        return total;
    }

    /** Clears the least recently used chats' history until the total is within bound (the newest chat last). */
    private synchronized void keepTotalBound() {
        long total = totalBytes();
        for (ChatSession s : sessions.values()) {
            if (total <= maxTotalBytes) {
                return;
            }
            total -= s.bytes();
            s.forget();
        }
    }
}
