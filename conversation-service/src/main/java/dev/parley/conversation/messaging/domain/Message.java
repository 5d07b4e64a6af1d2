package dev.parley.conversation.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as stored. A deleted message is a tombstone: no body, same seq. {@code quickReplies}
 * are the buttons a bot message offers (null for others); {@code attachments} the files it carries
 * (null when none).
 */
public record Message(UUID id, UUID conversationId, long seq, UUID senderId, SenderKind senderKind,
                      MessageKind kind, String body, UUID replyTo, String clientMsgId, Instant createdAt,
                      Instant editedAt, Instant deletedAt, List<String> quickReplies,
                      List<MessageAttachment> attachments) {

    public enum SenderKind { CUSTOMER, AGENT, BOT, SYSTEM }

    public Message {
        quickReplies = quickReplies == null ? null : List.copyOf(quickReplies);
        attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public Message(UUID id, UUID conversationId, long seq, UUID senderId, SenderKind senderKind, MessageKind kind,
                   String body, UUID replyTo, String clientMsgId, Instant createdAt, Instant editedAt,
                   Instant deletedAt, List<String> quickReplies) {
        this(id, conversationId, seq, senderId, senderKind, kind, body, replyTo, clientMsgId, createdAt, editedAt,
                deletedAt, quickReplies, null);
    }

    /** A message without quick replies. */
    public Message(UUID id, UUID conversationId, long seq, UUID senderId, SenderKind senderKind, MessageKind kind,
                   String body, UUID replyTo, String clientMsgId, Instant createdAt, Instant editedAt,
                   Instant deletedAt) {
        this(id, conversationId, seq, senderId, senderKind, kind, body, replyTo, clientMsgId, createdAt, editedAt,
                deletedAt, null, null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
