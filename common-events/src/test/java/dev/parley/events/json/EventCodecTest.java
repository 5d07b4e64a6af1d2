package dev.parley.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.events.Actor;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.EventHeader;
import dev.parley.events.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    private static final JsonMapper TREES = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    static java.util.List<EventEnvelope> everyType() {
        return TestEvents.oneOfEach(UUID.fromString("0190c0de-0000-7000-8000-00000000c001"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyType")
    void everyEventTypeSurvivesAJsonRoundTrip(EventEnvelope event) {
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyType")
    void everyEventTypeDecodesFromATreeAsFromItsBytes(EventEnvelope event) {
        assertThat(codec.decode(TREES.readTree(codec.encode(event)))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyType")
    void everyEventTypesHeaderReadsWithoutItsPayload(EventEnvelope event) {
        var encoded = codec.encodeKeyed(event);
        assertThat(codec.header(encoded.bytes())).isEqualTo(EventHeader.of(event));
        assertThat(encoded.key()).isEqualTo(event.key());
    }

    @Test
    void aHeaderReadsWhateverTheFieldOrderAndSkipsNestedPayloads() {
        String json = """
                {"data":{"nested":{"deep":[1,{"seq":99}]},"list":[[],[{}]]},"seq":7,
                 "audience":{"visibility":"AGENTS_ONLY","named":["department:x"],"users":["0190c0de-0000-7000-8000-000000000b0b"]},
                 "somethingNewer":{"a":[1,2]},"actor":{"kind":"AGENT","id":"0190c0de-0000-7000-8000-000000000b0b"},
                 "occurredAt":"2026-11-21T12:00:00Z","conversationId":"0190c0de-0000-7000-8000-00000000c001",
                 "type":"message.created","eventId":"0190c0de-0000-7000-8000-0000000000e3"}""";

        EventHeader header = codec.header(json.getBytes(StandardCharsets.UTF_8));

        assertThat(header.seq()).isEqualTo(7L);
        assertThat(header.type()).isEqualTo("message.created");
        assertThat(header.audience().agentsOnly()).isTrue();
        assertThat(header.audience().named()).containsExactly("department:x");
        assertThat(header.audience().users()).containsExactly(TestEvents.BOB_AGENT);
        assertThat(header.actor()).isEqualTo(Actor.agent(TestEvents.BOB_AGENT));
    }

    @Test
    void theFixtureCoversEveryKnownType() {
        Set<String> covered = everyType().stream().map(EventEnvelope::type).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EventData.KNOWN_TYPES.keySet());
    }

    @Test
    void wireFormatMatchesTheDocumentedExample() {
        String json = """
                {"eventId":"0190c0de-0000-7000-8000-0000000000e1","type":"message.created",
                 "conversationId":"0190c0de-0000-7000-8000-00000000c001","seq":42,
                 "occurredAt":"2026-11-21T12:00:00Z",
                 "actor":{"kind":"CUSTOMER","id":"0190c0de-0000-7000-8000-00000000a11c"},
                 "audience":{"users":["0190c0de-0000-7000-8000-00000000a11c"],"named":[],"visibility":"EVERYONE"},
                 "data":{"messageId":"0190c0de-0000-7000-8000-0000000000f1","senderId":"0190c0de-0000-7000-8000-00000000a11c",
                         "senderKind":"CUSTOMER","kind":"TEXT","body":"Where is my order?","clientMsgId":"c-7",
                         "createdAt":"2026-11-21T12:00:00Z"}}
                """;
        EventEnvelope event = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.seq()).isEqualTo(42L);
        assertThat(event.data()).isInstanceOfSatisfying(EventData.MessageCreated.class,
                message -> {
                    assertThat(message.body()).isEqualTo("Where is my order?");
                    assertThat(message.attachments()).as("written before attachments existed").isNull();
                });
        String encoded = new String(codec.encode(event), StandardCharsets.UTF_8);
        assertThat(encoded).contains("\"occurredAt\":\"2026-11-21T12:00:00Z\"").doesNotContain("replyTo");
    }

    @Test
    void aMessageCarriesItsAttachmentsAndOneWithoutOmitsTheField() {
        UUID file = UUID.fromString("0190c0de-0000-7000-8000-0000000000a1");
        var photo = new EventData.MessageCreated.Attachment(file, "receipt.png", "image/png", 48_213L, 640, 480);
        var carrying = new EventData.MessageCreated(UUID.randomUUID(), TestEvents.ALICE_CUSTOMER, "CUSTOMER", "TEXT",
                "", null, "c-9", TestEvents.NOON, null, java.util.List.of(photo));
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), 5L, TestEvents.NOON,
                dev.parley.events.Actor.customer(TestEvents.ALICE_CUSTOMER),
                dev.parley.events.Audience.users(Set.of(TestEvents.ALICE_CUSTOMER)), carrying);

        String encoded = new String(codec.encode(event), StandardCharsets.UTF_8);
        assertThat(encoded).contains("\"attachments\":[{\"id\":\"" + file + "\",\"name\":\"receipt.png\"");
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        assertThat(new String(codec.encode(TestEvents.message(UUID.randomUUID(), 1)), StandardCharsets.UTF_8))
                .doesNotContain("attachments");
    }

    @Test
    void anEventTypeNewerThanThisBuildIsKeptAsUnknownWithItsPayload() {
        String json = """
                {"eventId":"0190c0de-0000-7000-8000-0000000000e2","type":"conversation.snoozed",
                 "conversationId":"0190c0de-0000-7000-8000-00000000c001","seq":3,"occurredAt":"2026-11-21T12:00:00Z",
                 "actor":{"kind":"SYSTEM"},"audience":{"users":[],"named":[],"visibility":"EVERYONE"},
                 "data":{"until":"2026-11-22T09:00:00Z"},"futureField":true}
                """;
        EventEnvelope event = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.data()).isEqualTo(new EventData.Unknown("conversation.snoozed", "{\"until\":\"2026-11-22T09:00:00Z\"}"));
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1,2,3]",
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\"",
            // no eventId
            "{\"type\":\"message.deleted\",\"seq\":1,\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"EVERYONE\"},\"data\":{}}",
            // data is not an object
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\",\"type\":\"message.deleted\",\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"EVERYONE\"},\"data\":\"x\"}",
            // seq 0
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\",\"type\":\"message.deleted\",\"seq\":0,\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"EVERYONE\"},\"data\":{}}",
            // a system actor with an id
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\",\"type\":\"message.deleted\",\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\",\"id\":\"0190c0de-0000-7000-8000-0000000000e3\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"EVERYONE\"},\"data\":{}}",
            // read watermarks missing a primitive
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\",\"type\":\"read.updated\",\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"EVERYONE\"},\"data\":{\"userId\":null}}",
            // an unknown visibility
            "{\"eventId\":\"0190c0de-0000-7000-8000-0000000000e3\",\"type\":\"message.deleted\",\"occurredAt\":\"2026-11-21T12:00:00Z\",\"actor\":{\"kind\":\"SYSTEM\"},\"audience\":{\"users\":[],\"named\":[],\"visibility\":\"SOME\"},\"data\":{}}"
    })
    void bytesThatAreNotACompleteEnvelopeAreRejected(String json) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        if (!json.contains("read.updated")) {
            // a broken payload alone is the decoder's to find; everything else breaks the header too
            assertThatThrownBy(() -> codec.header(json.getBytes(StandardCharsets.UTF_8))).as("the header")
                    .isInstanceOf(MalformedEventException.class);
        }
        if (json.startsWith("{") && json.endsWith("}")) {
            assertThatThrownBy(() -> codec.decode(TREES.readTree(json))).as("as a tree")
                    .isInstanceOf(MalformedEventException.class);
        }
    }
}
