package dev.parley.conversation.outbox.adapter.memory;

import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.UUID;

/** A row of the in-memory {@code event_outbox}: the encoded envelope and when it was published, if yet. */
public record OutboxRow(long id, UUID eventId, String topic, String key, byte[] payload, Instant createdAt,
                 Instant publishedAt) {

    public static final MemoryDatabase.Table<Long, OutboxRow> TABLE = new MemoryDatabase.Table<>("event_outbox",
            OutboxRow::unpublished);

    /** The index: unpublished rows are the few the relay reads. */
    boolean unpublished() {
        return publishedAt == null;
    }

    OutboxRow published(Instant at) {
        return new OutboxRow(id, eventId, topic, key, payload, createdAt, at);
    }
}
