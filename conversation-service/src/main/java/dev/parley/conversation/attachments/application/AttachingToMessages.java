package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.messaging.application.MessageAttachments;
import dev.parley.conversation.messaging.domain.MessageAttachment;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Uploaded files becoming part of a message (see {@link MessageAttachments}). */
public final class AttachingToMessages implements MessageAttachments {

    /** A message is a message, not a file share; ten covers a batch of photos. */
    public static final int MAX_PER_MESSAGE = 10;

    private final AttachmentStore attachments;

    public AttachingToMessages(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    @Override
    public Mono<Outcome<List<MessageAttachment>>> claimable(UUID conversationId, UUID senderId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Outcome.accepted(List.of()));
        }
        if (ids.size() > MAX_PER_MESSAGE || new LinkedHashSet<>(ids).size() != ids.size()) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "attachmentIds",
                    "a message carries 1 to " + MAX_PER_MESSAGE + " different files")));
        }
        return attachments.lockAll(conversationId, ids).collectMap(Attachment::id, Function.identity())
                .map(found -> check(senderId, ids, found));
    }

    private static Outcome<List<MessageAttachment>> check(UUID senderId, List<UUID> ids, Map<UUID, Attachment> found) {
        var carried = new ArrayList<MessageAttachment>(ids.size());
        for (UUID id : ids) {
            Attachment attachment = found.get(id);
            if (attachment == null || !attachment.uploaderId().equals(senderId) || attachment.isAttached()) {
                return Outcome.rejected(Rejection.invalid(INVALID, "attachmentIds",
                        "file " + id + " is not one you uploaded to this conversation and have not sent yet"));
            }
            carried.add(new MessageAttachment(attachment.id(), attachment.name(), attachment.contentType(),
                    attachment.size(), attachment.width(), attachment.height()));
        }
        return Outcome.accepted(List.copyOf(carried));
    }

    @Override
    public Mono<Void> attach(List<UUID> ids, UUID messageId) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return attachments.attach(ids, messageId).flatMap(changed -> changed == ids.size() ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("attachments changed while the conversation was locked")));
    }
}
