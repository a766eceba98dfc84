package jsup.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jsup.gateway.config.HistoryBounds;
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

        assertThat(chat.bytes()).isLessThanOrEqualTo(HistoryBounds.DEFAULT_MAX_BYTES_PER_CHAT)
                .isEqualTo(chat.history().stream().mapToLong(ChatSession::sizeOf).sum());
        List<ChatMessage> history = chat.history();
        assertThat(history).isNotEmpty();
        assertThat(history.get(history.size() - 1).content()).startsWith("answer 10");
    }

    @Test
    void theSeedsLoadOf260ChatsStaysWithinTheTotalBoundAndTheLeastRecentlyUsedLoseTheirHistoryFirst() throws Exception {
        ChatSessions sessions = new ChatSessions(HistoryBounds.DEFAULT_MAX_CHATS);
        ExecutorService eight = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int chat = 0; chat < 260; chat++) {
                String id = Integer.toString(chat);
                done.add(eight.submit(() -> {
                    for (int i = 0; i < 11; i++) {
                        sessions.get("web", id).record(BIG, BIG, 20);
                        // Between a record and its trim, each of the 8 writers may be one exchange over.
                        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL + 8 * EXCHANGE_BYTES);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            eight.shutdownNow();
        }

        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL)
                .isGreaterThan(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL / 2);
        assertThat(sessions.size()).isEqualTo(260);

        // Which chat the 8 writers touched last depends on scheduling; a sequential pass fixes the order,
        // so chat 0 is now the least recently used one and must be the first to lose its history.
        // 260 chats x 4 exchanges is almost four times the total bound.
        for (int chat = 0; chat < 260; chat++) {
            for (int i = 0; i < 4; i++) {
                sessions.get("web", Integer.toString(chat)).record(BIG, BIG, 20);
            }
        }
        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL);
        assertThat(sessions.get("web", "0").bytes()).as("the least recently used chat").isZero();

        // A chat used now keeps its history; the next growth takes the least recently used one's.
        ChatSession recent = sessions.get("web", "recent");
        recent.record(BIG, BIG, 20);
        assertThat(recent.bytes()).isEqualTo(EXCHANGE_BYTES);
        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(HistoryBounds.DEFAULT_MAX_BYTES_TOTAL);
    }

    @Test
    void configuredBoundsApplyAndAReloadedBoundShrinksAChatOnItsNextReply() {
        ChatSessions sessions = new ChatSessions(new HistoryBounds(2, 300_000, 600_000));
        ChatSession a = sessions.get("web", "a");
        a.record(BIG, BIG, 200);
        a.record(BIG, BIG, 200);
        assertThat(a.bytes()).as("two exchanges of 240,000 bytes are over 300,000").isEqualTo(EXCHANGE_BYTES);

        sessions.get("web", "b").record(BIG, BIG, 200);
        sessions.get("web", "c").record(BIG, BIG, 200);
        assertThat(sessions.size()).as("maxChats 2").isEqualTo(2);
        assertThat(sessions.totalBytes()).isLessThanOrEqualTo(600_000);

        sessions.bounds(new HistoryBounds(1, 1024, 1024));
        ChatSession c = sessions.get("web", "c");
        c.record("short", "answer", 200);
        assertThat(c.bytes()).as("the old long exchange is dropped under the new per-chat bound").isEqualTo(2L * ("short".length() + "answer".length()));
        assertThat(sessions.size()).as("the reloaded maxChats applies at the next reply").isEqualTo(1);
    }
}
