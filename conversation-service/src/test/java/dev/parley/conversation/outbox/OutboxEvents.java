package dev.parley.conversation.outbox;

import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A small cast for outbox tests: Alice's and Carol's conversations, Bob the agent. */
public final class OutboxEvents {

    public static final UUID ALICE = UUID.fromString("0190c0de-0000-7000-8000-00000000a11c");
    public static final UUID CAROL = UUID.fromString("0190c0de-0000-7000-8000-00000000ca01");
    public static final UUID BOB_AGENT = UUID.fromString("0190c0de-0000-7000-8000-000000000b0b");
    public static final UUID ALICE_CONVERSATION = UUID.fromString("0190c0de-0000-7000-8000-00000000c001");
    public static final UUID CAROL_CONVERSATION = UUID.fromString("0190c0de-0000-7000-8000-00000000c002");
    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    private OutboxEvents() {
    }

    /** A customer's text message with the given seq; its body names the seq so order is visible. */
    public static EventEnvelope message(UUID conversationId, long seq) {
        Instant at = NOON.plusMillis(seq);
        return EventEnvelope.of(UUID.randomUUID(), conversationId, seq, at, Actor.customer(ALICE),
                Audience.users(Set.of(ALICE, BOB_AGENT)),
                new EventData.MessageCreated(UUID.randomUUID(), ALICE, "CUSTOMER", "TEXT", "message " + seq, null,
                        "client-" + seq, at));
    }

    /** Bob goes away: an agent event, keyed by Bob, for the agent topic. */
    public static EventEnvelope bobGoesAway() {
        return EventEnvelope.of(UUID.randomUUID(), null, null, NOON, Actor.agent(BOB_AGENT),
                Audience.users(Set.of()).withNamed(Audience.ALL_AGENTS),
                new EventData.AgentStatusChanged(BOB_AGENT, "AWAY", "ONLINE", NOON));
    }
}
