package dev.parley.conversation.messaging.domain;

import java.util.UUID;

/** What a message shows of a file it carries; the bytes are fetched through a signed link. */
public record MessageAttachment(UUID id, String name, String contentType, long size, Integer width, Integer height) {
}
