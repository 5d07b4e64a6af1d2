package dev.parley.conversation.attachments.adapter.web;

import dev.parley.conversation.attachments.application.DownloadingAttachment;
import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.shared.adapter.web.Refusal;
import dev.parley.conversation.shared.adapter.web.Responses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bytes of an attachment behind a signed link; no Authorization header, the link is the proof.
 * Served so a browser cannot be tricked into running them: the detected type, {@code nosniff}, a
 * sandboxing CSP, and {@code attachment} disposition for everything but images.
 */
@RestController
public class AttachmentContentController {

    public static final String PATH = "/api/v1/attachments/{attachmentId}/content";

    private final DownloadingAttachment downloading;
    private final Clock clock;

    public AttachmentContentController(DownloadingAttachment downloading, Clock clock) {
        this.downloading = downloading;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "200", description = "The file's bytes, of its detected type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @Refusal(status = 403, when = "The link expired or was not signed by us", codes = {"attachment.link_invalid"})
    @GetMapping(PATH)
    public Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable UUID attachmentId,
                                                          @RequestParam(required = false) Long exp,
                                                          @RequestParam(required = false) String sig) {
        return Responses.ok(downloading.open(attachmentId, exp == null ? 0 : exp, sig)).map(ok -> {
            DownloadingAttachment.Download download = ok.getBody();
            Attachment attachment = download.attachment();
            Duration fresh = Duration.ofSeconds(Math.max(0, exp - clock.instant().getEpochSecond()));
            Flux<DataBuffer> body = download.content().map(DefaultDataBufferFactory.sharedInstance::wrap);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(attachment.contentType()))
                    .contentLength(attachment.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment).toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    // Private: the link is a capability of one user; immutable: an id's bytes never change.
                    .cacheControl(CacheControl.maxAge(fresh).cachePrivate().immutable())
                    .body(body);
        });
    }

    private static ContentDisposition disposition(Attachment attachment) {
        var builder = attachment.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment();
        return builder.filename(attachment.name(), StandardCharsets.UTF_8).build();
    }
}
