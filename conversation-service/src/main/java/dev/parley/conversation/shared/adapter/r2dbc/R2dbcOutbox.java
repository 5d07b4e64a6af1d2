package dev.parley.conversation.shared.adapter.r2dbc;

import dev.parley.conversation.shared.application.Outbox;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inserts outbox rows through DatabaseClient, so they join the caller's transaction. */
public final class R2dbcOutbox implements Outbox {

    private final DatabaseClient db;
    private final EventCodec codec;

    public R2dbcOutbox(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override
    public Mono<Void> append(String topic, List<EventEnvelope> events) {
        return Flux.fromIterable(events).concatMap(event -> db.sql("""
                        INSERT INTO event_outbox (event_id, topic, event_key, payload)
                        VALUES (:eventId, :topic, :key, :payload)""")
                .bind("eventId", event.eventId())
                .bind("topic", topic)
                .bind("key", event.key())
                .bind("payload", codec.encode(event))
                .then()).then();
    }
}
