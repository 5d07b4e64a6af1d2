package dev.parley.conversation.shared.adapter.r2dbc;

import dev.parley.conversation.shared.application.EventLog;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code conversation_event} table: encoded envelopes by (conversation, seq). */
public final class R2dbcEventLog implements EventLog {

    private final DatabaseClient db;
    private final EventCodec codec;

    public R2dbcEventLog(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override
    public Mono<Void> append(List<EventEnvelope> events) {
        return Flux.fromIterable(events).concatMap(event -> db.sql("""
                        INSERT INTO conversation_event (conversation_id, seq, event_id, type, agents_only, payload, occurred_at)
                        VALUES (:conversation, :seq, :eventId, :type, :agentsOnly, :payload, :occurredAt)""")
                .bind("conversation", event.conversationId())
                .bind("seq", event.seq())
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .bind("agentsOnly", event.audience().agentsOnly())
                .bind("payload", codec.encode(event))
                .bind("occurredAt", event.occurredAt())
                .then()).then();
    }

    @Override
    public Flux<EventEnvelope> since(UUID conversationId, long afterSeq, int limit, boolean includeAgentsOnly) {
        return db.sql("""
                        SELECT payload FROM conversation_event
                        WHERE conversation_id = :conversation AND seq > :after AND (:agents OR NOT agents_only)
                        ORDER BY seq LIMIT :limit""")
                .bind("conversation", conversationId)
                .bind("after", afterSeq)
                .bind("agents", includeAgentsOnly)
                .bind("limit", limit)
                .map(row -> codec.decode(row.get("payload", byte[].class)))
                .all();
    }
}
