package dev.parley.conversation.reading.adapter.r2dbc;

import dev.parley.conversation.reading.application.EventLog;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** The {@code conversation_event} table: encoded envelopes by (conversation, seq). */
public final class R2dbcEventLog implements EventLog {

    private final DatabaseClient db;
    private final EventCodec codec;

    public R2dbcEventLog(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
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
