package jsup.gateway.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import jsup.gateway.config.HistoryBounds;

/**
 * Every chat's session, keyed by channel and chat id. Bounded three ways ({@link HistoryBounds},
 * {@code gateway.history}), so a busy or long-running gateway cannot grow without end: past
 * {@code maxChats} the least recently used chat is forgotten; each chat's history is cut to
 * {@code maxBytesPerChat}; and when all histories together pass {@code maxBytesTotal}, the least
 * recently used chats lose their history first. Bytes are counted as 2 per character, the most a
 * Java string takes. New bounds ({@link #bounds(HistoryBounds)}) apply from the next reply on.
 */
public final class ChatSessions {

    private final Map<String, ChatSession> sessions;
    private volatile HistoryBounds bounds;

    public ChatSessions(int maxChats) {
        this(new HistoryBounds(maxChats, HistoryBounds.DEFAULT_MAX_BYTES_PER_CHAT, HistoryBounds.DEFAULT_MAX_BYTES_TOTAL));
    }

    public ChatSessions(HistoryBounds bounds) {
        this.bounds = bounds;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChatSession> eldest) {
                return size() > ChatSessions.this.bounds.maxChats();
            }
        };
    }

    /** Switches to {@code next} (a reloaded config); chats over the new bounds shrink on their next reply. */
    public void bounds(HistoryBounds next) {
        bounds = next;
    }

    synchronized ChatSession get(String channel, String chatId) {
        return sessions.computeIfAbsent(channel + ":" + chatId, k -> new ChatSession(() -> bounds.maxBytesPerChat(), this::keepTotalBound));
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

    /** Forgets the least recently used chats past maxChats, then clears their history until the total is within bound. */
    private synchronized void keepTotalBound() {
        HistoryBounds b = bounds;
        var eldestFirst = sessions.entrySet().iterator();
        while (sessions.size() > b.maxChats() && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
        long total = totalBytes();
        for (ChatSession s : sessions.values()) {
            if (total <= b.maxBytesTotal()) {
                return;
            }
            total -= s.bytes();
            s.forget();
        }
    }
}
