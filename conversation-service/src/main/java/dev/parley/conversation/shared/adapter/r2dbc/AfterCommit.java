package dev.parley.conversation.shared.adapter.r2dbc;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** Runs something once what was just written is committed: at the end of the caller's transaction, or now. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Inside a reactive transaction, registers {@code action} to run after it commits (never after
     * a rollback); outside one, the statement that preceded this was its own transaction and has
     * committed, so {@code action} runs at once.
     */
    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(manager -> manager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                }))
                .map(manager -> true)
                .onErrorResume(NoTransactionException.class, ignored -> Mono.empty())
                .switchIfEmpty(Mono.fromCallable(() -> {
                    action.run();
                    return false;
                }))
                .then();
    }
}
