package dev.parley.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything of an envelope but its payload: what routing, authorization at delivery and resume
 * need to decide, read from the encoded bytes without decoding {@code data}.
 */
public record EventHeader(UUID eventId, String type, UUID conversationId, Long seq, Instant occurredAt,
                          Actor actor, Audience audience) {

    public EventHeader {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(audience, "audience");
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    /** The header of a whole envelope. */
    public static EventHeader of(EventEnvelope event) {
        return new EventHeader(event.eventId(), event.type(), event.conversationId(), event.seq(), event.occurredAt(),
                event.actor(), event.audience());
    }
}
