package dev.parley.conversation.shared.adapter.r2dbc;

import dev.parley.conversation.shared.application.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Transactions through Spring's reactive transaction manager: DatabaseClient calls inside join them. */
public final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    public R2dbcTransactions(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work));
    }
}
