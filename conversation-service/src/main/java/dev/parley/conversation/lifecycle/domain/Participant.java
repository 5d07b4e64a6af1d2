package dev.parley.conversation.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

/** Someone taking part in a conversation, with their read watermarks. */
public record Participant(UUID conversationId, UUID userId, Role role, Instant joinedAt, Instant leftAt,
                          long lastDeliveredSeq, Instant deliveredAt, long lastReadSeq, Instant readAt) {

    public enum Role { CUSTOMER, AGENT }

    public boolean isActive() {
        return leftAt == null;
    }
}
