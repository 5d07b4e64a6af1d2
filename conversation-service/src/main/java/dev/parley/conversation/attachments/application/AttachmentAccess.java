package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who may see an attachment: whoever may see its conversation ({@link AccessPolicy}), except that a
 * customer sees only files they uploaded themselves or that a message visible to them carries; a
 * file on a note, or one an agent has not sent yet, does not exist for a customer.
 */
public final class AttachmentAccess {

    public static final String NOT_FOUND = "attachment.not_found";

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final AccessPolicy access;

    public AttachmentAccess(ConversationStore conversations, MessageStore messages, AccessPolicy access) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
    }

    public static Rejection notFound() {
        return Rejection.of(NOT_FOUND, "no such attachment");
    }

    /** The conversation when the caller may add files to it. */
    public Mono<Outcome<Conversation>> conversationFor(Caller caller, UUID conversationId) {
        if (caller instanceof Caller.Service) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "services do not upload files"));
        }
        return conversations.find(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).map(denied -> denied.isPresent()
                        ? Outcome.<Conversation>rejected(denied.get()) : Outcome.accepted(conversation)))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    /** Empty when the caller may see the attachment, else why not. */
    public Mono<Outcome<Attachment>> check(Caller caller, Attachment attachment) {
        return conversationFor(caller, attachment.conversationId()).flatMap(conversation -> {
            if (conversation instanceof Outcome.Rejected<Conversation> rejected) {
                return Mono.just(Outcome.<Attachment>rejected(rejected.rejection()));
            }
            if (!(caller instanceof Caller.Customer customer) || customer.customerId().equals(attachment.uploaderId())) {
                return Mono.just(Outcome.accepted(attachment));
            }
            if (!attachment.isAttached()) {
                return Mono.just(Outcome.rejected(notFound()));
            }
            return messages.find(attachment.conversationId(), attachment.messageId())
                    .map(message -> message.kind().agentsOnly() || message.isDeleted()
                            ? Outcome.<Attachment>rejected(notFound()) : Outcome.accepted(attachment))
                    .defaultIfEmpty(Outcome.rejected(notFound()));
        });
    }
}
