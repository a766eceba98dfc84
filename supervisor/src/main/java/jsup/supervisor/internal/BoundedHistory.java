package jsup.supervisor.internal;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} items, oldest first (transitions, restart records). Not thread-safe. */
public final class BoundedHistory<T> {

    private final int capacity;
    private final ArrayDeque<T> items;

    public BoundedHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public void add(T item) {
        if (items.size() == capacity) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    public List<T> toList() {
        return List.copyOf(items);
    }

    public T last() {
        return items.peekLast();
    }
}
