package dev.parley.conversation.messaging.application;

import dev.parley.conversation.messaging.domain.MessageAttachment;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Files a new message may carry. Both calls run inside the sending transaction, which holds the
 * conversation's lock, so a file is carried by one message at most.
 */
public interface MessageAttachments {

    String INVALID = "message.attachment_invalid";

    /**
     * The files, in the order asked, when every one was uploaded by this sender to this conversation
     * and no message carries it yet; else a rejection {@value #INVALID} naming the first that is not.
     * Changes nothing.
     */
    Mono<Outcome<List<MessageAttachment>>> claimable(UUID conversationId, UUID senderId, List<UUID> ids);

    /** Marks the files as carried by the message; call only after {@link #claimable} accepted them. */
    Mono<Void> attach(List<UUID> ids, UUID messageId);

    /** For a service without attachments: every file is refused. */
    MessageAttachments NONE = new MessageAttachments() {
        @Override
        public Mono<Outcome<List<MessageAttachment>>> claimable(UUID conversationId, UUID senderId, List<UUID> ids) {
            return Mono.just(ids.isEmpty() ? Outcome.accepted(List.of())
                    : Outcome.rejected(INVALID, "this service takes no attachments"));
        }

        @Override
        public Mono<Void> attach(List<UUID> ids, UUID messageId) {
            return Mono.empty();
        }
    };
}
