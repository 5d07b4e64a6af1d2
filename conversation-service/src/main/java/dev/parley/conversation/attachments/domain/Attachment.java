package dev.parley.conversation.attachments.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file's metadata; the bytes live in the blob store under {@link #blobKey()}.
 * {@code width}/{@code height} are set for images only; {@code messageId} once a message carries it.
 */
public record Attachment(UUID id, UUID conversationId, UUID uploaderId, String name, String contentType, long size,
                         String sha256, Integer width, Integer height, UUID messageId, Instant createdAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    public boolean isAttached() {
        return messageId != null;
    }

    /** Keys are derived from the id only, so a file name can never steer where bytes are written. */
    public String blobKey() {
        return blobKeyOf(id);
    }

    public static String blobKeyOf(UUID id) {
        return "attachments/" + id;
    }
}
