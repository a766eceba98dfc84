package jsup.gateway.bot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import jsup.gateway.model.ChatMessage;
import jsup.gateway.model.ModelRef;

/**
 * One chat's state: its recent turns (bounded by count and by bytes) and its own model choice.
 * Thread-safe. After growing, it tells its {@link ChatSessions} (outside its own lock), which keeps
 * the total of all chats bounded.
 */
final class ChatSession {

    private final Deque<ChatMessage> history = new ArrayDeque<>();
    private final LongSupplier maxBytes;
    private final Runnable grew;
    private volatile long bytes;
    private ModelRef chosenModel;

    /**
     * @param maxBytes this chat's history bound, in {@link #sizeOf} bytes (read at each {@link #record})
     * @param grew     called after each {@link #record}, without this session's lock held
     */
    ChatSession(LongSupplier maxBytes, Runnable grew) {
        this.maxBytes = maxBytes;
        this.grew = grew;
    }

    /** What a message's text takes on the heap at most: 2 bytes per character. */
    static long sizeOf(ChatMessage m) {
        return 2L * m.content().length();
    }

    synchronized List<ChatMessage> history() {
        return new ArrayList<>(history);
    }

    /** Appends one exchange, then drops the oldest turns beyond {@code limit} turns or this chat's byte bound. */
    void record(String question, String answer, int limit) {
        long bound = maxBytes.getAsLong();
        synchronized (this) {
            add(ChatMessage.user(question));
            add(ChatMessage.assistant(answer));
            while (!history.isEmpty() && (history.size() > limit || bytes > bound)) {
                bytes -= sizeOf(history.removeFirst());
            }
        }
        grew.run();
    }

    private void add(ChatMessage m) {
        history.addLast(m);
        bytes += sizeOf(m);
    }

    synchronized void forget() {
        history.clear();
        bytes = 0;
    }

    /** The history's size in {@link #sizeOf} bytes; read without locking. */
    long bytes() {
        return bytes;
    }

    synchronized int turns() {
        return history.size();
    }

    synchronized ModelRef chosenModel() {
        return chosenModel;
    }

    synchronized void choose(ModelRef model) {
        chosenModel = model;
    }
}
