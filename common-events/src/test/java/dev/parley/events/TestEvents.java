package dev.parley.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/** A small cast of events for tests: one of every type, on named conversations. */
public final class TestEvents {

    public static final UUID INBOX = UUID.fromString("0190c0de-0000-7000-8000-000000000001");
    public static final UUID SUPPORT = UUID.fromString("0190c0de-0000-7000-8000-0000000000d1");
    public static final UUID ALICE_CUSTOMER = UUID.fromString("0190c0de-0000-7000-8000-00000000a11c");
    public static final UUID BOB_AGENT = UUID.fromString("0190c0de-0000-7000-8000-000000000b0b");
    public static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    private TestEvents() {
    }

    /** A text message from Alice with the given seq; its body names the seq so order is visible. */
    public static EventEnvelope message(UUID conversationId, long seq) {
        return EventEnvelope.of(UUID.randomUUID(), conversationId, seq, NOON.plusMillis(seq),
                Actor.customer(ALICE_CUSTOMER), Audience.users(Set.of(ALICE_CUSTOMER, BOB_AGENT)),
                new EventData.MessageCreated(UUID.randomUUID(), ALICE_CUSTOMER, "CUSTOMER", "TEXT",
                        "message " + seq, null, "client-" + seq, NOON.plusMillis(seq)));
    }

    /** One envelope of every known type, as a producer would build them. */
    public static java.util.List<EventEnvelope> oneOfEach(UUID conversationId) {
        UUID messageId = UUID.randomUUID();
        Instant at = NOON.truncatedTo(ChronoUnit.MILLIS);
        var bob = Actor.agent(BOB_AGENT);
        var both = Audience.users(Set.of(ALICE_CUSTOMER, BOB_AGENT));
        return java.util.List.of(
                EventEnvelope.of(UUID.randomUUID(), conversationId, 1L, at, Actor.customer(ALICE_CUSTOMER), both,
                        new EventData.ConversationCreated(INBOX, ALICE_CUSTOMER, SUPPORT, "QUEUED")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 2L, at, Actor.system(),
                        both.withNamed(Audience.department(SUPPORT)),
                        new EventData.ConversationQueued(SUPPORT, at, false)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 3L, at, Actor.system(), both,
                        new EventData.ConversationAssigned(BOB_AGENT, null, SUPPORT)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 4L, at, bob, both,
                        new EventData.ConversationStatusChanged("QUEUED", "ACTIVE", "assigned")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 5L, at, bob, both,
                        new EventData.ParticipantJoined(BOB_AGENT, "AGENT")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 6L, at, bob, both,
                        new EventData.MessageCreated(messageId, BOB_AGENT, "AGENT", "TEXT", "Hi Alice 👋",
                                null, "c-1", at)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 7L, at, bob, both,
                        new EventData.MessageEdited(messageId, "Hi Alice!", at)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 8L, at, Actor.customer(ALICE_CUSTOMER), both,
                        new EventData.ReactionAdded(messageId, ALICE_CUSTOMER, "👍")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 9L, at, Actor.customer(ALICE_CUSTOMER), both,
                        new EventData.ReactionRemoved(messageId, ALICE_CUSTOMER, "👍")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 10L, at, Actor.customer(ALICE_CUSTOMER), both,
                        new EventData.ReadUpdated(ALICE_CUSTOMER, 7, 7, at)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 11L, at, bob, Audience.agentsOnly(Set.of(BOB_AGENT)),
                        new EventData.MessageCreated(UUID.randomUUID(), BOB_AGENT, "AGENT", "NOTE", "VIP customer",
                                null, "c-2", at)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 12L, at, bob, both,
                        new EventData.MessageDeleted(messageId, at)),
                EventEnvelope.of(UUID.randomUUID(), conversationId, 13L, at, bob, both,
                        new EventData.ParticipantLeft(BOB_AGENT, "AGENT")),
                EventEnvelope.of(UUID.randomUUID(), conversationId, null, at, Actor.system(),
                        Audience.users(Set.of(ALICE_CUSTOMER)), new EventData.QueuePosition(SUPPORT, 3, 240L, at)),
                EventEnvelope.of(UUID.randomUUID(), null, null, at, bob,
                        Audience.users(Set.of()).withNamed(Audience.ALL_AGENTS),
                        new EventData.AgentStatusChanged(BOB_AGENT, "AWAY", "ONLINE", at)),
                EventEnvelope.of(UUID.randomUUID(), null, null, at, bob,
                        Audience.agentsOnly(Set.of(BOB_AGENT)),
                        new EventData.AgentDepartmentsChanged(BOB_AGENT, Set.of(SUPPORT), at)));
    }
}
