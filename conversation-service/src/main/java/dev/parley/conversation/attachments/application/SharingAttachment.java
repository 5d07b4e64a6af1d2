package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.attachments.domain.DownloadLinks;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** An attachment's metadata with a fresh signed download link, for a caller who may see it. */
public final class SharingAttachment {

    private final AttachmentStore attachments;
    private final AttachmentAccess access;
    private final SigningLinks signing;
    private final Clock clock;

    public SharingAttachment(AttachmentStore attachments, AttachmentAccess access, SigningLinks signing, Clock clock) {
        this.attachments = attachments;
        this.access = access;
        this.signing = signing;
        this.clock = clock;
    }

    public record Shared(Attachment attachment, DownloadLinks.Link link) {
    }

    public Mono<Outcome<Shared>> share(Caller caller, UUID conversationId, UUID attachmentId) {
        return attachments.find(attachmentId)
                .filter(attachment -> attachment.conversationId().equals(conversationId))
                .flatMap(attachment -> access.check(caller, attachment))
                .flatMap(checked -> checked instanceof Outcome.Accepted<Attachment> visible
                        ? signing.links().map(links -> Outcome.accepted(
                                new Shared(visible.value(), links.issue(attachmentId, clock.instant()))))
                        : Mono.just(checked.map(attachment -> (Shared) null)))
                .defaultIfEmpty(Outcome.rejected(AttachmentAccess.notFound()));
    }
}
