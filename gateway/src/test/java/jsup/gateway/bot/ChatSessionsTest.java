package jsup.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jsup.gateway.model.ChatMessage;
import org.junit.jupiter.api.Test;

/** Issue 15 item 2: history is bounded by bytes per chat and in total, whatever the load. */
class ChatSessionsTest {

    private static final String BIG = "x".repeat(60_000);
    private static final long EXCHANGE_BYTES = 2 * 2L * BIG.length();

    @Test
    void oneChatKeepsItsNewestTurnsWithinItsByteBound() {
        ChatSessions sessions = new ChatSessions(10);
        ChatSession chat = sessions.get("web", "a");
        for (int i = 0; i < 11; i++) {
            chat.record(BIG, "answer " + i + BIG, 200);
        }

        assertThat(chat.bytes()).isLessThanOrEqualTo(ChatSessions.DEFAULT_MAX_SESSION_BYTES)
                .isEqualTo(chat.history().stream().mapToLong(ChatSession::sizeOf).sum());
        List<ChatMessage> history = chat.history();
        assertThat(history).isNotEmpty();
        assertThat(history.get(history.size() - 1).content()).startsWith("answer 10");
    }

    @Test
    void theSeedsLoadOf260ChatsStaysWithinTheTotalBoundAndTheLeastRecentlyUsedLoseTheirHistoryFirst() throws Exception {
        ChatSessions sessions = new ChatSessions(ChatSessions.DEFAULT_MAX_CHATS);
        ExecutorService eight = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int chat = 0; chat < 260; chat++) {
                String id = Integer.toString(chat);
                done.add(eight.submit(() -> {
                    for (int i = 0; i < 11; i++) {
                        sessions.get("web", id).record(BIG, BIG, 20);
                        // Between a record and its trim, each of the 8 writers may be one exchange over.
                        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(ChatSessions.DEFAULT_MAX_TOTAL_BYTES + 8 * EXCHANGE_BYTES);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            eight.shutdownNow();
        }

        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(ChatSessions.DEFAULT_MAX_TOTAL_BYTES)
                .isGreaterThan(ChatSessions.DEFAULT_MAX_TOTAL_BYTES / 2);
        assertThat(sessions.size()).isEqualTo(260);
        sessions.get("web", "0");
        assertThat(sessions.get("web", "0").bytes()).as("one of the first chats, long unused").isZero();

        // A chat used now keeps its history; the next growth takes the least recently used one's.
        ChatSession recent = sessions.get("web", "recent");
        recent.record(BIG, BIG, 20);
        assertThat(recent.bytes()).isEqualTo(EXCHANGE_BYTES);
        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(ChatSessions.DEFAULT_MAX_TOTAL_BYTES);
    }
}
