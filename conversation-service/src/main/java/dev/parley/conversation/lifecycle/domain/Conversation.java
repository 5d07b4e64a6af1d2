package dev.parley.conversation.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

/** A conversation's state as the lifecycle and the authorization rules see it. */
public record Conversation(UUID id, UUID inboxId, UUID customerId, UUID departmentId, ConversationStatus status,
                           UUID ownerId, long lastSeq, Instant queuedAt, boolean queuePriority,
                           Instant createdAt, Instant lastActivityAt) {

    public Conversation withLastSeq(long seq) {
        return new Conversation(id, inboxId, customerId, departmentId, status, ownerId, seq, queuedAt, queuePriority,
                createdAt, lastActivityAt);
    }

    public Conversation withStatus(ConversationStatus next, Instant at) {
        return new Conversation(id, inboxId, customerId, departmentId, next, ownerId, lastSeq, queuedAt, queuePriority,
                createdAt, at);
    }
}
