package dev.parley.conversation.messaging.domain;

import java.util.UUID;

/**
 * A message to send. {@code clientMsgId} is chosen by the client and makes the send idempotent:
 * a retry with the same id returns the original message.
 */
public record SendMessage(UUID conversationId, String clientMsgId, String body, MessageKind kind, UUID replyTo) {
}
