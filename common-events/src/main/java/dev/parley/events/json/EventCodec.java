package dev.parley.events.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EncodedEvent;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.EventHeader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

    /** Read a header's objects in the middle of the envelope's stream, which goes on after them. */

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
                    case "actor" -> actor = actor(parser);
                    case "audience" -> audience = audience(parser);
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

    /*
     * The header's two objects read token by token too: through databind they were the larger
     * part of reading a header, which every gateway does twice per event (SupportFloorBenchmark's
     * profile). Unknown fields are skipped, as databind is configured to.
     */
    private static Actor actor(JsonParser parser) {
        object(parser, "actor");
        Actor.Kind kind = null;
        UUID id = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "kind" -> kind = Actor.Kind.valueOf(parser.getString());
                case "id" -> id = UUID.fromString(parser.getString());
                default -> parser.skipChildren();
            }
        }
        return new Actor(kind, id);
    }

    private static Audience audience(JsonParser parser) {
        object(parser, "audience");
        Set<UUID> users = Set.of();
        Set<String> named = Set.of();
        Audience.Visibility visibility = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "users" -> {
                    Set<UUID> read = new LinkedHashSet<>();
                    array(parser, "audience.users");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        read.add(UUID.fromString(parser.getString()));
                    }
                    users = read;
                }
                case "named" -> {
                    Set<String> read = new LinkedHashSet<>();
                    array(parser, "audience.named");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        read.add(parser.getString());
                    }
                    named = read;
                }
                case "visibility" -> visibility = Audience.Visibility.valueOf(parser.getString());
                default -> parser.skipChildren();
            }
        }
        return new Audience(users, named, visibility);
    }

    private static void object(JsonParser parser, String what) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(what + " must be an object");
        }
    }

    private static void array(JsonParser parser, String what) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedEventException(what + " must be an array");
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
