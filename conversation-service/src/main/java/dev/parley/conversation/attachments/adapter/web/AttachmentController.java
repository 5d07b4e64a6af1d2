package dev.parley.conversation.attachments.adapter.web;

import dev.parley.conversation.attachments.application.SharingAttachment;
import dev.parley.conversation.attachments.application.UploadingAttachment;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Refusal;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploading a file to a conversation and getting a download link for one. The upload is read as a
 * stream of multipart events, never as a whole part: the file's chunks go straight to the use
 * case, which spools them to disk and stops reading at the size limit.
 */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/attachments")
public class AttachmentController {

    /** The multipart part that holds the file. */
    public static final String FILE_PART = "file";
    public static final String FILE_MISSING = "attachment.file_missing";

    private final UploadingAttachment uploading;
    private final SharingAttachment sharing;

    public AttachmentController(UploadingAttachment uploading, SharingAttachment sharing) {
        this.uploading = uploading;
        this.sharing = sharing;
    }

    /** The file must be the first part, named {@value #FILE_PART}; other parts are ignored. */
    @ResponseStatus(HttpStatus.CREATED)
    @Refusal(status = 413, when = "The file is larger than parley.attachments.max-size",
            codes = {"attachment.too_large"})
    @Refusal(status = 415, when = "The content is of a type not allowed, or not what its name or part type says",
            codes = {"attachment.type_not_allowed"})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<AttachmentView>> upload(Caller caller, @PathVariable UUID conversationId,
                                                       @RequestBody Flux<PartEvent> parts) {
        return parts.switchOnFirst((first, events) -> {
            if (!(first.get() instanceof FilePartEvent file) || !FILE_PART.equals(file.name())) {
                return Mono.error(ProblemException.of(HttpStatus.BAD_REQUEST, FILE_MISSING,
                        "send the file as the first multipart part, named '" + FILE_PART + "'"));
            }
            // Read to the end of the request rather than cancelling it after the file's last event: a
            // cancelled request body raced the server's own draining of it and released a buffer twice.
            var inFile = new AtomicBoolean(true);
            Flux<ByteBuffer> content = events.handle((event, sink) -> {
                if (inFile.get()) {
                    inFile.set(!event.isLast());
                    sink.next(copyOf(event.content()));
                } else {
                    DataBufferUtils.release(event.content());
                }
            });
            MediaType declared = file.headers().getContentType();
            var upload = new UploadingAttachment.Upload(conversationId, file.filename(),
                    declared == null ? null : declared.toString(), content);
            return Responses.with(uploading.upload(caller, upload).map(o -> o.map(AttachmentView::of)), HttpStatus.CREATED);
        }).next().switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.BAD_REQUEST, FILE_MISSING,
                "the request holds no file")));
    }

    /** The attachment's metadata with a fresh download link (see {@link AttachmentView}). */
    @GetMapping("/{attachmentId}")
    public Mono<ResponseEntity<AttachmentView>> share(Caller caller, @PathVariable UUID conversationId,
                                                      @PathVariable UUID attachmentId) {
        return Responses.ok(sharing.share(caller, conversationId, attachmentId)
                .map(o -> o.map(shared -> AttachmentView.of(shared.attachment(), shared.link()))));
    }

    /** Copies a chunk off the (pooled) network buffer and releases it at once. */
    private static ByteBuffer copyOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
