package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.AllowedTypes;
import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.attachments.domain.FileName;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.UuidV7;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes an upload into a conversation: the caller's access is checked before a byte is read; the
 * bytes go to a private spool file, cut off at the size limit; the type is judged on the content;
 * only then are they stored and the metadata row written. Whatever is refused or fails leaves
 * nothing behind: the spool file is always deleted, a stored blob whose row could not be written
 * is deleted again.
 */
public final class UploadingAttachment {

    public static final String TOO_LARGE = "attachment.too_large";
    public static final String TYPE_NOT_ALLOWED = "attachment.type_not_allowed";
    public static final String EMPTY = "attachment.empty";

    private final AttachmentAccess access;
    private final UploadSpool spool;
    private final ContentInspector inspector;
    private final BlobStore blobs;
    private final AttachmentStore attachments;
    private final AllowedTypes allowedTypes;
    private final long maxBytes;
    private final Clock clock;

    public UploadingAttachment(AttachmentAccess access, UploadSpool spool, ContentInspector inspector, BlobStore blobs,
                               AttachmentStore attachments, AllowedTypes allowedTypes, long maxBytes, Clock clock) {
        this.access = access;
        this.spool = spool;
        this.inspector = inspector;
        this.blobs = blobs;
        this.attachments = attachments;
        this.allowedTypes = allowedTypes;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** One file as the client sent it; {@code declaredType} is the part's Content-Type, if any. */
    public record Upload(UUID conversationId, String fileName, String declaredType, Flux<ByteBuffer> content) {
    }

    public Mono<Outcome<Attachment>> upload(Caller caller, Upload upload) {
        return access.conversationFor(caller, upload.conversationId()).flatMap(allowed -> {
            if (allowed instanceof Outcome.Rejected<Conversation> rejected) {
                return Mono.just(Outcome.<Attachment>rejected(rejected.rejection()));
            }
            return Mono.usingWhen(spool.receive(upload.content(), maxBytes),
                            spooled -> keep(caller, upload, spooled),
                            spool::discard)
                    .onErrorResume(UploadSpool.TooLargeException.class, tooLarge -> Mono.just(Outcome.rejected(
                            TOO_LARGE, "a file may have at most " + maxBytes + " bytes")));
        });
    }

    private Mono<Outcome<Attachment>> keep(Caller caller, Upload upload, UploadSpool.Spooled spooled) {
        if (spooled.size() == 0) {
            return Mono.just(Outcome.rejected(EMPTY, "the file is empty"));
        }
        return inspector.inspect(spooled.file(), upload.fileName(), upload.declaredType()).flatMap(inspection -> {
            if (!inspection.matchesDeclaration()) {
                return Mono.just(Outcome.<Attachment>rejected(TYPE_NOT_ALLOWED,
                        "the file's content is " + inspection.contentType() + ", not what its name or type says"));
            }
            if (!allowedTypes.allows(inspection.contentType())) {
                return Mono.just(Outcome.<Attachment>rejected(TYPE_NOT_ALLOWED,
                        "files of type " + inspection.contentType() + " are not accepted"));
            }
            Instant now = clock.instant();
            var attachment = new Attachment(UuidV7.next(now), upload.conversationId(), uploaderOf(caller),
                    FileName.sanitise(upload.fileName()), inspection.contentType(), spooled.size(), spooled.sha256(),
                    inspection.width(), inspection.height(), null, now);
            return blobs.put(attachment.blobKey(), spooled.file())
                    .then(attachments.insert(attachment)
                            .onErrorResume(failure -> blobs.delete(attachment.blobKey()).then(Mono.error(failure))))
                    .thenReturn(Outcome.accepted(attachment));
        });
    }

    private static UUID uploaderOf(Caller caller) {
        return caller instanceof Caller.Customer customer ? customer.customerId() : ((Caller.Agent) caller).agentId();
    }
}
