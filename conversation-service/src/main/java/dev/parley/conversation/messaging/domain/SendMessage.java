package dev.parley.conversation.messaging.domain;

import java.util.List;
import java.util.UUID;

/**
 * A message to send. {@code clientMsgId} is chosen by the client and makes the send idempotent:
 * a retry with the same id returns the original message. {@code attachmentIds} are files the
 * sender uploaded to the conversation beforehand; with at least one, the body may be empty.
 */
public record SendMessage(UUID conversationId, String clientMsgId, String body, MessageKind kind, UUID replyTo,
                          List<UUID> attachmentIds) {

    public SendMessage {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    /** A message without attachments. */
    public SendMessage(UUID conversationId, String clientMsgId, String body, MessageKind kind, UUID replyTo) {
        this(conversationId, clientMsgId, body, kind, replyTo, List.of());
    }

    public boolean hasAttachments() {
        return !attachmentIds.isEmpty();
    }
}
