package dev.parley.conversation.outbox.domain;

import java.util.Objects;

/**
 * An outbox row not yet published: its id (the publishing order), the topic and key it goes to,
 * and the encoded envelope exactly as stored ({@code null} when a row points at an event that is
 * not there: a damaged row, which the relay quarantines).
 */
public record PendingEvent(long id, String topic, String key, byte[] payload) {

    public PendingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }
}
