package dev.parley.conversation.shared.adapter.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * The in-memory store's tables and the one lock every access goes through (design and guarantees
 * in {@code package-info}). Adapters run their reads and writes as {@link #statement statements};
 * a statement joins the transaction of its subscriber's Reactor context, or runs in a transaction
 * of its own.
 */
public final class MemoryDatabase {

    private static final Object TRANSACTION = MemoryTransaction.class;

    private final WriteLock lock = new WriteLock();
    private final Map<Table<?, ?>, MemoryTable<?, ?>> tables = new ConcurrentHashMap<>();

    /**
     * Names a table and the types of its keys and rows; declare one constant per table.
     *
     * @param groupBy the column rows are indexed by ({@link MemoryTable#inGroup}), or null for none
     */
    public record Table<K, V>(String name, Function<V, ?> groupBy) {

        public Table(String name) {
            this(name, null);
        }

        // Tables are named uniquely; the function takes no part in identity.
        @Override
        public boolean equals(Object other) {
            return other instanceof Table<?, ?> table && table.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    @SuppressWarnings("unchecked")
    public <K, V> MemoryTable<K, V> table(Table<K, V> table) {
        return (MemoryTable<K, V>) tables.computeIfAbsent(table, ignored -> new MemoryTable<>(table.groupBy()));
    }

    /**
     * Runs {@code work} in one transaction: everything its statements write commits when it
     * completes, and is undone when it fails or is cancelled. Joins the transaction already open
     * in the subscriber's context, as a nested {@code TransactionalOperator} would.
     */
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> context.hasKey(TRANSACTION)
                ? Mono.defer(work)
                : lock.acquire().flatMap(permit -> permit.take()
                        ? inNew(new MemoryTransaction(permit), work)
                        : Mono.error(new IllegalStateException("the store's lock was given up while granted"))));
    }

    private static <T> Mono<T> inNew(MemoryTransaction tx, Supplier<Mono<T>> work) {
        return Mono.defer(work)
                .contextWrite(context -> context.put(TRANSACTION, tx))
                .materialize()
                .flatMap(signal -> end(tx, signal))
                .doOnCancel(tx::rollback);
    }

    /** Commits before the result goes on, so whoever sees the result also sees the commit. */
    private static <T> Mono<T> end(MemoryTransaction tx, Signal<T> signal) {
        if (signal.isOnError()) {
            tx.rollback();
            return Mono.error(signal.getThrowable());
        }
        tx.commit();
        return signal.isOnNext() ? Mono.just(signal.get()) : Mono.empty();
    }

    /** One statement, atomic; a null result is an empty Mono. */
    public <T> Mono<T> statement(Function<MemoryTransaction, T> body) {
        return inTransaction(() -> Mono.deferContextual(context ->
                Mono.justOrEmpty(context.<MemoryTransaction>get(TRANSACTION).run(body))));
    }

    /** One statement returning rows, in the order of the list. */
    public <T> Flux<T> query(Function<MemoryTransaction, List<T>> body) {
        return statement(body).flatMapIterable(rows -> rows);
    }

    /** The transaction of the subscriber's context; empty outside one. */
    public Mono<MemoryTransaction> currentTransaction() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(TRANSACTION)));
    }
}
