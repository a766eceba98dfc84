package jsup.gateway.bot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every chat's session, keyed by channel and chat id. Bounded: the least recently used chat is
 * forgotten past {@code maxChats}, so a busy or long-running gateway cannot grow without end.
 */
public final class ChatSessions {

    public static final int DEFAULT_MAX_CHATS = 500;

    private final Map<String, ChatSession> sessions;

    public ChatSessions(int maxChats) {
        if (maxChats < 1) {
            throw new IllegalArgumentException("maxChats < 1: " + maxChats);
        }
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChatSession> eldest) {
                return size() > maxChats;
            }
        };
    }

    synchronized ChatSession get(String channel, String chatId) {
        return sessions.computeIfAbsent(channel + ":" + chatId, k -> new ChatSession());
    }

    public synchronized int size() {
        return sessions.size();
    }
}
