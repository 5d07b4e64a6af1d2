package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.OutboxLease;
import dev.parley.conversation.outbox.domain.PendingEvent;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lease: the session holding the relay's advisory lock. Reading and marking go through it, so
 * they fail once it is gone and a relay that lost the lease marks nothing. Pruning goes through the
 * pool instead: it deletes only rows published long ago, which is safe from any session, and a
 * long delete there never holds up publishing.
 */
final class PostgresOutboxLease implements OutboxLease {

    private static final String OLDEST_UNPUBLISHED = """
            SELECT id, topic, payload FROM event_outbox
            WHERE published_at IS NULL
            ORDER BY id
            LIMIT $1""";
    private static final String MARK_PUBLISHED =
            "UPDATE event_outbox SET published_at = now() WHERE id = ANY($1) AND published_at IS NULL";
    /**
     * Deletes in chunks of {@link #PRUNE_CHUNK}, oldest ids first, so a prune after a long pause
     * (or a shorter retention) is many short statements rather than one that locks and logs
     * millions of rows at once.
     */
    private static final String PRUNE = """
            DELETE FROM event_outbox WHERE id IN (
                SELECT id FROM event_outbox
                WHERE published_at < now() - make_interval(secs => :retentionSeconds)
                ORDER BY id
                LIMIT :chunk)""";
    /** Rows per delete statement: a few milliseconds of work each, at the ~1 KB an event weighs. */
    private static final int PRUNE_CHUNK = 1_000;

    private final PostgresqlConnection connection;
    private final DatabaseClient pool;
    private final AtomicBoolean released = new AtomicBoolean();

    PostgresOutboxLease(PostgresqlConnection connection, DatabaseClient pool) {
        this.connection = connection;
        this.pool = pool;
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
                        bytesOf(row.get("payload", ByteBuffer.class)))))
                .collectList();
    }

    @Override
    public Mono<Void> markPublished(List<Long> ids) {
        return connection.createStatement(MARK_PUBLISHED)
                .bind("$1", ids.toArray(Long[]::new))
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then();
    }

    @Override
    public Mono<Long> prunePublishedOlderThan(Duration retention) {
        Mono<Long> chunk = pool.sql(PRUNE)
                .bind("retentionSeconds", retention.toMillis() / 1000.0)
                .bind("chunk", PRUNE_CHUNK)
                .fetch()
                .rowsUpdated();
        return chunk.repeat()
                .takeUntil(deleted -> deleted < PRUNE_CHUNK)
                .reduce(0L, Long::sum);
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
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
