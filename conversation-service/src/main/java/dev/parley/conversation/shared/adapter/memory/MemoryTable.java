package dev.parley.conversation.shared.adapter.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One table of the {@link MemoryDatabase}: rows by primary key, and optionally grouped by one
 * column (an index, such as messages by conversation), so per-conversation reads do not scan every
 * row. Read and write it only inside a statement ({@link MemoryDatabase#statement}), which holds
 * the lock; every write takes the transaction so it can be undone. Rows are immutable records: a
 * change replaces the row.
 */
public final class MemoryTable<K, V> {

    private final Map<K, V> rows = new HashMap<>();
    private final Function<V, ?> groupBy;
    private final Map<Object, Set<K>> groups = new HashMap<>();

    MemoryTable(Function<V, ?> groupBy) {
        this.groupBy = groupBy;
    }

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

    public List<V> where(Predicate<V> filter) {
        return rows.values().stream().filter(filter).toList();
    }

    /** The rows whose grouping column is {@code group}, through the index; in no particular order. */
    public List<V> inGroup(Object group) {
        if (groupBy == null) {
            throw new IllegalStateException("this table has no index");
        }
        return groups.getOrDefault(group, Set.of()).stream().map(rows::get).toList();
    }

    public void put(MemoryTransaction tx, K key, V row) {
        V previous = write(key, row);
        tx.onRollback(() -> write(key, previous));
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
        V previous = write(key, null);
        if (previous == null) {
            return false;
        }
        tx.onRollback(() -> write(key, previous));
        return true;
    }

    /** Sets (or, with null, deletes) the row and keeps the index in step; returns the previous row. */
    private V write(K key, V row) {
        V previous = row == null ? rows.remove(key) : rows.put(key, row);
        if (groupBy != null) {
            if (previous != null) {
                Object group = groupBy.apply(previous);
                Set<K> keys = groups.get(group);
                keys.remove(key);
                if (keys.isEmpty()) {
                    groups.remove(group);
                }
            }
            if (row != null) {
                groups.computeIfAbsent(groupBy.apply(row), ignored -> new LinkedHashSet<>()).add(key);
            }
        }
        return previous;
    }
}
