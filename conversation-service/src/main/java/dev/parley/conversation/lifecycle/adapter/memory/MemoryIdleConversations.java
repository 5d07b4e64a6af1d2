package dev.parley.conversation.lifecycle.adapter.memory;

import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** Idle conversations in memory; the sweep's transaction holds the only lock, so nothing is skipped. */
public final class MemoryIdleConversations implements IdleConversations {

    private final MemoryDatabase db;

    public MemoryIdleConversations(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Flux<UUID> lockIdle(ConversationStatus status, Instant cutoff, int limit) {
        return db.query(tx -> db.table(ConversationRow.TABLE).all().stream().map(ConversationRow::conversation)
                .filter(c -> c.status() == status && c.lastActivityAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Conversation::lastActivityAt)).limit(limit).map(Conversation::id).toList());
    }
}
