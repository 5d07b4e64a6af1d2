package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.OutboxLease;
import dev.parley.conversation.outbox.domain.PendingEvent;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lease: the session holding the relay's advisory lock. Reading, removing and quarantining go
 * through it, so they fail once it is gone and a relay that lost the lease changes nothing.
 */
final class PostgresOutboxLease implements OutboxLease {

    /**
     * The outbox holds only unpublished rows, so this is the head of the queue. A sequenced event's
     * bytes are read from the event log it points at (V9).
     */
    private static final String OLDEST_UNPUBLISHED = """
            SELECT o.id, o.topic, o.event_key, coalesce(o.payload, e.payload) AS payload, o.created_at
            FROM event_outbox o
            LEFT JOIN conversation_event e ON e.conversation_id = o.conversation_id AND e.seq = o.seq
            ORDER BY o.id
            LIMIT $1""";
    private static final String REMOVE_PUBLISHED = "DELETE FROM event_outbox WHERE id = ANY($1)";
    private static final String QUARANTINE = """
            WITH moved AS (DELETE FROM event_outbox WHERE id = $1 RETURNING *)
            INSERT INTO event_outbox_quarantine (id, topic, event_key, conversation_id, seq, payload, created_at, reason)
            SELECT id, topic, event_key, conversation_id, seq, payload, created_at, $2 FROM moved""";

    private final PostgresqlConnection connection;
    private final AtomicBoolean released = new AtomicBoolean();

    PostgresOutboxLease(PostgresqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public Flux<String> notifications() {
        return connection.getNotifications().map(PostgresOutboxLease::payloadOf);
    }

    @Override
    public Mono<List<PendingEvent>> oldestUnpublished(int limit) {
        return connection.createStatement(OLDEST_UNPUBLISHED)
                .bind("$1", limit)
                .execute()
                .flatMap(result -> result.map((row, metadata) -> new PendingEvent(
                        row.get("id", Long.class),
                        row.get("topic", String.class),
                        row.get("event_key", String.class),
                        bytesOf(row.get("payload", ByteBuffer.class)),
                        row.get("created_at", java.time.Instant.class))))
                .collectList();
    }

    @Override
    public Mono<Void> removePublished(List<Long> ids) {
        return connection.createStatement(REMOVE_PUBLISHED)
                .bind("$1", ids.toArray(Long[]::new))
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then();
    }

    @Override
    public Mono<Void> quarantine(PendingEvent event, String reason) {
        return connection.createStatement(QUARANTINE)
                .bind("$1", event.id())
                .bind("$2", reason)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then();
    }

    /**
     * Unlocks, then ends the session. Closing alone would free the lock too, but only once the
     * server has processed the session's end, some time after {@code close} completed; unlocking
     * first means the lock is free when this completes, so a successor takes over at its next try.
     * If the session is already gone, so is the lock.
     */
    @Override
    public Mono<Void> release() {
        return Mono.defer(() -> released.compareAndSet(false, true)
                ? unlock().onErrorResume(ignored -> Mono.empty())
                        .then(connection.close().onErrorResume(ignored -> Mono.empty()))
                : Mono.empty());
    }

    private Mono<Void> unlock() {
        return connection.createStatement("SELECT pg_advisory_unlock($1)")
                .bind("$1", PostgresOutboxLeadership.LOCK_KEY)
                .execute()
                .flatMap(result -> result.map((row, metadata) -> row.get(0)))
                .then();
    }

    private static String payloadOf(Notification notification) {
        String payload = notification.getParameter();
        return payload == null ? "" : payload;
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
