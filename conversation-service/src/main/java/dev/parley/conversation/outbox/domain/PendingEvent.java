package dev.parley.conversation.outbox.domain;

import java.util.Objects;

/**
 * An outbox row not yet published: its id (the publishing order), the topic it goes to and the
 * encoded envelope exactly as stored.
 */
public record PendingEvent(long id, String topic, byte[] payload) {

    public PendingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
