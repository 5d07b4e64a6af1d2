package dev.parley.conversation.shared.application;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs work in one database transaction: everything the work writes commits together or not at
 * all, and events it records reach the outbox in that same transaction.
 */
public interface Transactions {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
