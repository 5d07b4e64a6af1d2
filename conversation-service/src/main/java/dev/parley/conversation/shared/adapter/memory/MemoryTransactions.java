package dev.parley.conversation.shared.adapter.memory;

import dev.parley.conversation.shared.application.Transactions;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Transactions of the {@link MemoryDatabase}: serial, undone on failure (see {@code package-info}). */
public final class MemoryTransactions implements Transactions {

    private final MemoryDatabase db;

    public MemoryTransactions(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return db.inTransaction(work);
    }
}
