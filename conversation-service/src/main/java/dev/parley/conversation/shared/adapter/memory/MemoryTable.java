package dev.parley.conversation.shared.adapter.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One table of the {@link MemoryDatabase}: rows by primary key. Read and write it only inside a
 * statement ({@link MemoryDatabase#statement}), which holds the lock; every write takes the
 * transaction so it can be undone. Rows are immutable records: a change replaces the row.
 */
public final class MemoryTable<K, V> {

    private final Map<K, V> rows = new HashMap<>();

    public Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    public boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** A snapshot of every row, in no particular order; sort what you return. */
    public Collection<V> all() {
        return new ArrayList<>(rows.values());
    }

    /** A snapshot of every key with its row. */
    public List<Map.Entry<K, V>> entries() {
        return rows.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
    }

    public List<V> where(Predicate<V> filter) {
        return rows.values().stream().filter(filter).toList();
    }

    public void put(MemoryTransaction tx, K key, V row) {
        V previous = rows.put(key, row);
        tx.onRollback(() -> restore(key, previous));
    }

    /** Replaces the row if there is one; returns the new row. */
    public Optional<V> update(MemoryTransaction tx, K key, UnaryOperator<V> change) {
        V current = rows.get(key);
        if (current == null) {
            return Optional.empty();
        }
        V next = change.apply(current);
        put(tx, key, next);
        return Optional.of(next);
    }

    /** True when there was a row. */
    public boolean remove(MemoryTransaction tx, K key) {
        V previous = rows.remove(key);
        if (previous == null) {
            return false;
        }
        tx.onRollback(() -> rows.put(key, previous));
        return true;
    }

    private void restore(K key, V previous) {
        if (previous == null) {
            rows.remove(key);
        } else {
            rows.put(key, previous);
        }
    }
}
