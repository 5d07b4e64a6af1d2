package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.Attachment;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attachment metadata. A row is inserted only after its blob is stored, so every row has bytes;
 * a message id, once set, never changes.
 */
public interface AttachmentStore {

    Mono<Void> insert(Attachment attachment);

    Mono<Attachment> find(UUID id);

    /**
     * Those of {@code ids} in this conversation; inside a transaction they are locked until it ends,
     * so two messages cannot claim the same attachment.
     */
    Flux<Attachment> lockAll(UUID conversationId, List<UUID> ids);

    /** Sets the message of those still unattached; completes with how many it set. */
    Mono<Long> attach(List<UUID> ids, UUID messageId);
}
