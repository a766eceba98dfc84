package jsup.supervisor.internal;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} items, oldest first (transitions, restart records). Not thread-safe. */
public final class BoundedHistory<T> {

    private final int capacity;
    private final ArrayDeque<T> items;
    /** The last {@link #toList()}, kept until the next add: snapshots of every app are taken often. */
    private List<T> copy;

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
        copy = null;
    }

    public List<T> toList() {
        if (copy == null) {
            copy = List.copyOf(items);
        }
        return copy;
    }

    public T last() {
        return items.peekLast();
    }
}
