package dev.parley.conversation.attachments.adapter.web;

import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.attachments.domain.DownloadLinks;
import java.time.Instant;
import java.util.UUID;

/**
 * An attachment as the API shows it. {@code url} (relative to the service's base URL) and
 * {@code urlExpiresAt} are set when a download link was issued; the link needs no Authorization
 * header, so it works in {@code <img src>}.
 */
public record AttachmentView(UUID id, UUID conversationId, UUID uploaderId, String name, String contentType, long size,
                             String sha256, Integer width, Integer height, UUID messageId, Instant createdAt,
                             String url, Instant urlExpiresAt) {

    public static AttachmentView of(Attachment a) {
        return of(a, null);
    }

    public static AttachmentView of(Attachment a, DownloadLinks.Link link) {
        return new AttachmentView(a.id(), a.conversationId(), a.uploaderId(), a.name(), a.contentType(), a.size(),
                a.sha256(), a.width(), a.height(), a.messageId(), a.createdAt(),
                link == null ? null : urlOf(link), link == null ? null : link.expiresAt());
    }

    static String urlOf(DownloadLinks.Link link) {
        return AttachmentContentController.PATH.replace("{attachmentId}", link.attachmentId().toString())
                + "?exp=" + link.exp() + "&sig=" + link.sig();
    }
}
