package dev.parley.conversation.messaging.adapter.r2dbc;

import static dev.parley.conversation.shared.adapter.r2dbc.Sql.bindNullable;

import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.application.ReadReceipts;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.shared.adapter.r2dbc.AfterCommit;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link ReadReceipts} as one statement: the guarded update of the participant row, and the outbox
 * row of the event inserted only if that update happened. No column it changes is indexed, so the
 * update stays on its page (HOT; the table's fillfactor leaves the room, V9).
 */
public final class R2dbcReadReceipts implements ReadReceipts {

    private static final String ADVANCE = """
            WITH moved AS (
                UPDATE participant SET last_delivered_seq = :delivered, delivered_at = :deliveredAt,
                                       last_read_seq = :read, read_at = :readAt
                WHERE conversation_id = :conversation AND user_id = :user
                  AND last_delivered_seq = :wasDelivered AND last_read_seq = :wasRead
                RETURNING conversation_id)
            INSERT INTO event_outbox (topic, event_key, payload)
            SELECT :topic, :key, :payload FROM moved
            RETURNING id""";

    private final DatabaseClient db;
    private final EventCodec codec;
    private final String topic;
    private final OutboxWakeUps wakeUps;

    public R2dbcReadReceipts(DatabaseClient db, EventCodec codec, String topic, OutboxWakeUps wakeUps) {
        this.db = db;
        this.codec = codec;
        this.topic = topic;
        this.wakeUps = wakeUps;
    }

    @Override
    public Mono<Boolean> advance(Participant before, Participant after, EventEnvelope event) {
        var spec = db.sql(ADVANCE).bind("conversation", after.conversationId()).bind("user", after.userId())
                .bind("delivered", after.lastDeliveredSeq()).bind("read", after.lastReadSeq())
                .bind("wasDelivered", before.lastDeliveredSeq()).bind("wasRead", before.lastReadSeq())
                .bind("topic", topic).bind("key", event.key()).bind("payload", codec.encode(event));
        spec = bindNullable(spec, "deliveredAt", after.deliveredAt(), Instant.class);
        spec = bindNullable(spec, "readAt", after.readAt(), Instant.class);
        // consumed to the end: completion comes after the commit (see R2dbcConversationJournal)
        return spec.map(row -> row.get("id", Long.class)).all().collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(false) : AfterCommit.run(wakeUps::committed).thenReturn(true));
    }
}
