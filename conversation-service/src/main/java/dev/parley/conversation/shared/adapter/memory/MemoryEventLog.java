package dev.parley.conversation.shared.adapter.memory;

import dev.parley.conversation.shared.application.EventLog;
import dev.parley.events.EventEnvelope;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code conversation_event} table in memory: envelopes by (conversation, seq). */
public final class MemoryEventLog implements EventLog {

    /** The primary key of the PostgreSQL table. */
    public record EventKey(UUID conversationId, long seq) {
    }

    public static final MemoryDatabase.Table<EventKey, EventEnvelope> EVENTS = new MemoryDatabase.Table<>("conversation_event",
            EventEnvelope::conversationId);

    private final MemoryDatabase db;

    public MemoryEventLog(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Void> append(List<EventEnvelope> events) {
        return db.statement(tx -> {
            var table = db.table(EVENTS);
            for (EventEnvelope event : events) {
                var key = new EventKey(event.conversationId(), event.seq());
                if (table.contains(key)) {
                    throw new IllegalStateException("duplicate seq " + key);
                }
                table.put(tx, key, event);
            }
            return null;
        });
    }

    @Override
    public Flux<EventEnvelope> since(UUID conversationId, long afterSeq, int limit, boolean includeAgentsOnly) {
        return db.query(tx -> db.table(EVENTS).inGroup(conversationId).stream()
                .filter(event -> event.seq() > afterSeq && (includeAgentsOnly || !event.audience().agentsOnly()))
                .sorted(Comparator.comparing(EventEnvelope::seq)).limit(limit).toList());
    }
}
