package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.shared.domain.Outcome;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bytes behind a signed link. The link is the authorization: it was issued by
 * {@link SharingAttachment} to a caller who passed the access check, and it expires soon.
 */
public final class DownloadingAttachment {

    public static final String LINK_INVALID = "attachment.link_invalid";

    private final AttachmentStore attachments;
    private final BlobStore blobs;
    private final SigningLinks signing;
    private final Clock clock;

    public DownloadingAttachment(AttachmentStore attachments, BlobStore blobs, SigningLinks signing, Clock clock) {
        this.attachments = attachments;
        this.blobs = blobs;
        this.signing = signing;
        this.clock = clock;
    }

    public record Download(Attachment attachment, Flux<ByteBuffer> content) {
    }

    public Mono<Outcome<Download>> open(UUID attachmentId, long exp, String sig) {
        return signing.links().flatMap(links -> {
            if (!links.verify(attachmentId, exp, sig, clock.instant())) {
                return Mono.just(Outcome.<Download>rejected(LINK_INVALID, "the link is invalid or has expired"));
            }
            return attachments.find(attachmentId)
                    .map(attachment -> Outcome.accepted(new Download(attachment, blobs.get(attachment.blobKey()))))
                    .defaultIfEmpty(Outcome.rejected(AttachmentAccess.notFound()));
        });
    }
}
