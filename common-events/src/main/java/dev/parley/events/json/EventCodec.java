package dev.parley.events.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes into JSON bytes and back; the wire format is documented in {@code docs/events.md}.
 * Thread-safe. Decoding is tolerant of what a newer producer may add (unknown fields are ignored,
 * unknown types become {@link EventData.Unknown}) and strict about what every event needs.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The envelope as it travels: everything typed except the payload. */
    private record Wire(UUID eventId, String type, UUID conversationId, Long seq, Instant occurredAt,
                        Actor actor, Audience audience, JsonNode data) {
    }

    public byte[] encode(EventEnvelope event) {
        JsonNode data = event.data() instanceof EventData.Unknown unknown
                ? mapper.readTree(unknown.json())
                : mapper.valueToTree(event.data());
        return mapper.writeValueAsBytes(new Wire(event.eventId(), event.type(), event.conversationId(),
                event.seq(), event.occurredAt(), event.actor(), event.audience(), data));
    }

    /** @throws MalformedEventException when the bytes are not a complete, valid envelope */
    public EventEnvelope decode(byte[] bytes) {
        try {
            return decode(mapper.readValue(bytes, Wire.class));
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /**
     * The envelope of an event already read as a tree (say, inside a larger message), without
     * writing it out and parsing it again.
     *
     * @throws MalformedEventException when the tree is not a complete, valid envelope
     */
    public EventEnvelope decode(JsonNode tree) {
        try {
            return decode(mapper.treeToValue(tree, Wire.class));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private EventEnvelope decode(Wire wire) {
        try {
            if (wire == null || wire.type() == null || wire.data() == null || !wire.data().isObject()) {
                throw new MalformedEventException("an event needs a type and an object as data");
            }
            return new EventEnvelope(wire.eventId(), wire.type(), wire.conversationId(), wire.seq(),
                    wire.occurredAt(), wire.actor(), wire.audience(), decodeData(wire.type(), wire.data()));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private EventData decodeData(String type, JsonNode data) {
        Class<? extends EventData> payloadType = EventData.KNOWN_TYPES.get(type);
        if (payloadType == null) {
            return new EventData.Unknown(type, mapper.writeValueAsString(data));
        }
        return mapper.treeToValue(data, payloadType);
    }
}
