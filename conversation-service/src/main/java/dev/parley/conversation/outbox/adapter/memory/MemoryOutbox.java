package dev.parley.conversation.outbox.adapter.memory;

import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@link Outbox} on the in-memory {@code event_outbox}: rows are written in the caller's
 * transaction (ids in list order, like the identity column) and the relay is woken once it
 * commits, as the PostgreSQL insert trigger's NOTIFY is delivered on commit.
 */
public final class MemoryOutbox implements Outbox {

    private final MemoryDatabase db;
    private final EventCodec codec;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    /** Wake-ups for the relay's lease; a wake-up nobody listens to is dropped, as a NOTIFY nobody LISTENs to. */
    private final Sinks.Many<String> committed = Sinks.many().multicast().directBestEffort();

    public MemoryOutbox(MemoryDatabase db, EventCodec codec, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Mono<Void> append(String topic, List<EventEnvelope> events) {
        Objects.requireNonNull(topic, "topic");
        List<EventEnvelope> inOrder = List.copyOf(events);
        if (inOrder.isEmpty()) {
            return Mono.empty();
        }
        return db.currentTransaction()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction that changes the state (Transactions#inTransaction)")))
                .flatMap(ignored -> db.statement(tx -> {
                    var table = db.table(OutboxRow.TABLE);
                    for (EventEnvelope event : inOrder) {
                        long id = ids.incrementAndGet();
                        table.put(tx, id, new OutboxRow(id, event.eventId(), topic, event.key(), codec.encode(event),
                                clock.instant(), null));
                    }
                    tx.afterCommit(this::wakeUp);
                    return null;
                }));
    }

    /** Emits after every commit that appended events. */
    reactor.core.publisher.Flux<String> commits() {
        return committed.asFlux();
    }

    MemoryDatabase database() {
        return db;
    }

    private void wakeUp() {
        // Commits racing to emit retry rather than drop: the other emission may have woken a drain
        // that read before this commit.
        while (committed.tryEmitNext("") == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
    }
}
