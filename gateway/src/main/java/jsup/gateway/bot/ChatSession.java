package jsup.gateway.bot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import jsup.gateway.model.ChatMessage;
import jsup.gateway.model.ModelRef;

/** One chat's state: its recent turns (bounded) and its own model choice. Thread-safe. */
final class ChatSession {

    private final Deque<ChatMessage> history = new ArrayDeque<>();
    private ModelRef chosenModel;

    synchronized List<ChatMessage> history() {
        return new ArrayList<>(history);
    }

    /** Appends one exchange, then drops the oldest turns beyond {@code limit}. */
    synchronized void record(String question, String answer, int limit) {
        history.addLast(ChatMessage.user(question));
        history.addLast(ChatMessage.assistant(answer));
        while (history.size() > limit) {
            history.removeFirst();
        }
    }

    synchronized void forget() {
        history.clear();
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
