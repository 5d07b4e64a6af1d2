package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.shared.adapter.r2dbc.AfterCommit;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Outbox} on the {@code event_outbox} table. {@link DatabaseClient} takes the connection
 * bound to the subscriber's reactive transaction, so the rows commit or roll back with the
 * caller's state change. One insert per event, one after another, so ids follow the list order.
 */
public final class R2dbcOutbox implements Outbox {

    private static final String INSERT = """
            INSERT INTO event_outbox (topic, event_key, payload)
            VALUES (:topic, :eventKey, :payload)""";

    private final DatabaseClient database;
    private final EventCodec codec;
    private final OutboxWakeUps wakeUps;

    public R2dbcOutbox(DatabaseClient database, EventCodec codec, OutboxWakeUps wakeUps) {
        this.database = database;
        this.codec = codec;
        this.wakeUps = wakeUps;
    }

    @Override
    public Mono<Void> append(String topic, List<EventEnvelope> events) {
        Objects.requireNonNull(topic, "topic");
        List<EventEnvelope> inOrder = List.copyOf(events);
        if (inOrder.isEmpty()) {
            return Mono.empty();
        }
        return requireTransaction()
                .thenMany(Flux.fromIterable(inOrder))
                .concatMap(event -> database.sql(INSERT)
                        .bind("topic", topic)
                        .bind("eventKey", event.key())
                        .bind("payload", ByteBuffer.wrap(codec.encode(event)))
                        .fetch()
                        .rowsUpdated())
                .then(AfterCommit.run(wakeUps::committed));
    }

    /** Outside a transaction each insert would commit on its own: events without their state change. */
    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, ignored -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction that changes the state "
                                + "(TransactionalOperator#transactional or @Transactional)")))
                .then();
    }
}
