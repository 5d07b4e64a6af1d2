package dev.parley.conversation.outbox.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox row not yet published: its id (the publishing order), the topic and key it goes to,
 * the encoded envelope exactly as stored ({@code null} when a row points at an event that is not
 * there: a damaged row, which the relay quarantines), and when it was written.
 */
public record PendingEvent(long id, String topic, String key, byte[] payload, Instant createdAt) {

    public PendingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }
}
