package dev.parley.conversation.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/** A message as stored. A deleted message is a tombstone: no body, same seq. */
public record Message(UUID id, UUID conversationId, long seq, UUID senderId, SenderKind senderKind,
                      MessageKind kind, String body, UUID replyTo, String clientMsgId, Instant createdAt,
                      Instant editedAt, Instant deletedAt) {

    public enum SenderKind { CUSTOMER, AGENT, BOT, SYSTEM }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
