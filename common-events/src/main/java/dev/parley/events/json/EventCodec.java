package dev.parley.events.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EncodedEvent;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.EventHeader;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

    /** Read a header's objects in the middle of the envelope's stream, which goes on after them. */
    private final ObjectReader actors = mapper.readerFor(Actor.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectReader audiences = mapper.readerFor(Audience.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The envelope as it travels: everything typed except the payload. */
    private record Wire(UUID eventId, String type, UUID conversationId, Long seq, Instant occurredAt,
                        Actor actor, Audience audience, JsonNode data) {
    }

    /** The same fields as {@link Wire}, with the payload written straight from its record. */
    private record WireOut(UUID eventId, String type, UUID conversationId, Long seq, Instant occurredAt,
                           Actor actor, Audience audience, Object data) {
    }

    public byte[] encode(EventEnvelope event) {
        Object data = event.data() instanceof EventData.Unknown unknown ? mapper.readTree(unknown.json()) : event.data();
        return mapper.writeValueAsBytes(new WireOut(event.eventId(), event.type(), event.conversationId(),
                event.seq(), event.occurredAt(), event.actor(), event.audience(), data));
    }

    /** The envelope encoded once, with its partition key: what the outbox stores and the bus carries. */
    public EncodedEvent encodeKeyed(EventEnvelope event) {
        return new EncodedEvent(event.key(), encode(event));
    }

    /**
     * The header of an encoded envelope, read without decoding its payload: {@code data} is
     * skipped token by token, never built. Fields may come in any order.
     *
     * @throws MalformedEventException when the bytes are not an envelope with a header and an object as data
     */
    public EventHeader header(byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("an event is a JSON object");
            }
            UUID eventId = null;
            String type = null;
            UUID conversationId = null;
            Long seq = null;
            Instant occurredAt = null;
            Actor actor = null;
            Audience audience = null;
            boolean data = false;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (name) {
                    case "eventId" -> eventId = UUID.fromString(parser.getString());
                    case "type" -> type = parser.getString();
                    case "conversationId" -> conversationId = UUID.fromString(parser.getString());
                    case "seq" -> seq = parser.getLongValue();
                    case "occurredAt" -> occurredAt = Instant.parse(parser.getString());
                    case "actor" -> actor = actors.readValue(parser);
                    case "audience" -> audience = audiences.readValue(parser);
                    case "data" -> {
                        data = value == JsonToken.START_OBJECT;
                        parser.skipChildren();
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!data) {
                throw new MalformedEventException("an event needs an object as data");
            }
            return new EventHeader(eventId, type, conversationId, seq, occurredAt, actor, audience);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
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
