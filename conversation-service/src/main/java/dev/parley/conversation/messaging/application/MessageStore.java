package dev.parley.conversation.messaging.application;

import dev.parley.conversation.messaging.domain.Message;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Messages as stored; rows are written in the transaction that records their events. */
public interface MessageStore {

    Mono<Void> insert(Message message);

    Mono<Message> find(UUID conversationId, UUID messageId);

    /** The message this sender already sent with this client message id, if any. */
    Mono<Message> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId);

    /** Whether an agent has written to the customer in this conversation yet. */
    Mono<Boolean> hasAgentText(UUID conversationId);

    Mono<Void> edit(UUID messageId, String body, Instant editedAt);

    /** Makes the message a tombstone: the body is gone, the seq stays. */
    Mono<Void> tombstone(UUID messageId, Instant deletedAt);
}
