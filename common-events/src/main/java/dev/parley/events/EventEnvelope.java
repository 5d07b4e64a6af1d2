package dev.parley.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every Parley event travels in (ARCHITECTURE §5, {@code docs/events.md}).
 *
 * @param eventId        UUIDv7, unique per event; consumers may dedupe on it
 * @param type           {@code noun.verb}, e.g. {@code message.created}; always equals {@code data.type()}
 * @param conversationId the conversation the event belongs to, or {@code null} for events of an agent
 * @param seq            the conversation's sequence number for persisted events, {@code null} for others
 * @param occurredAt     when the change was committed at its source
 * @param actor          who caused it
 * @param audience       who may see it; checked again at every delivery
 * @param data           the type-specific payload
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        UUID conversationId,
        Long seq,
        Instant occurredAt,
        Actor actor,
        Audience audience,
        EventData data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(data, "data");
        if (!type.equals(data.type())) {
            throw new IllegalArgumentException("type " + type + " does not match data of type " + data.type());
        }
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    /** An envelope whose type is taken from its payload. */
    public static EventEnvelope of(UUID eventId, UUID conversationId, Long seq, Instant occurredAt,
                                   Actor actor, Audience audience, EventData data) {
        return new EventEnvelope(eventId, data.type(), conversationId, seq, occurredAt, actor, audience, data);
    }

    /**
     * The partition key: the conversation id, so one conversation's events stay in order; an agent's
     * status and department changes are keyed by the agent (whoever caused them), so one agent's
     * stay in order.
     */
    public String key() {
        if (conversationId != null) {
            return conversationId.toString();
        }
        if (data instanceof EventData.AgentStatusChanged change) {
            return change.agentId().toString();
        }
        if (data instanceof EventData.AgentDepartmentsChanged change) {
            return change.agentId().toString();
        }
        return actor.id() == null ? eventId.toString() : actor.id().toString();
    }
}
