package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Turns what happened to a conversation into envelopes and saves them with the conversation in one
 * {@link ConversationJournal} write: each event takes the next seq, goes to the event log (for
 * resume) and the outbox (for delivery), and every {@code message.created} becomes its message row,
 * so history and event stream cannot disagree.
 *
 * <p><b>Audience.</b> An event goes to the conversation's active participants and its customer;
 * agents-only events (notes) leave the customer out and are marked {@code AGENTS_ONLY}. Only the
 * conversation's own changes ({@code conversation.*}: created, queued, assigned, moved, joined,
 * left) also go to its department's agents, whose lists they change; messages, edits, reactions
 * and read receipts reach the people in the conversation only (docs/events.md, "Audience").
 *
 * <p>{@link #record} runs inside the transaction that holds the conversation's row lock;
 * {@link #tryRecord} decides on a state read without a lock and saves only if it is still current.
 */
public final class EventRecorder {

    private final ConversationJournal journal;
    private final ParticipantStore participants;
    private final Clock clock;

    public EventRecorder(ConversationJournal journal, ParticipantStore participants, Clock clock) {
        this.journal = journal;
        this.participants = participants;
        this.clock = clock;
    }

    /** One thing to record. */
    public record Happening(EventData data, boolean agentsOnly) {

        public static Happening visibleToAll(EventData data) {
            return new Happening(data, false);
        }

        public static Happening agentsOnly(EventData data) {
            return new Happening(data, true);
        }
    }

    /** What was recorded: the envelopes and the conversation's new last seq. */
    public record Recorded(List<EventEnvelope> events, long lastSeq) {
    }

    /** How a {@link #tryRecord} ended. */
    public sealed interface Attempt {
        /** Saved: the conversation's new state is what was decided. */
        record Saved(Recorded recorded) implements Attempt {
        }

        /** The conversation moved on since it was read; nothing was written. */
        record Stale() implements Attempt {
        }

        /** The sender had already sent this client message id; nothing was written. */
        record DuplicateMessage() implements Attempt {
        }
    }

    /**
     * Records {@code happenings} with seqs from {@code conversation.lastSeq() + 1} and saves
     * {@code conversation} (as decided, with its new last seq), under the caller's row lock.
     */
    public Mono<Recorded> record(Conversation conversation, Actor actor, List<Happening> happenings) {
        return record(conversation, null, null, actor, happenings);
    }

    /** As {@link #record(Conversation, Actor, List)}, stamping the resolution or the closing. */
    public Mono<Recorded> record(Conversation conversation, Instant resolvedAt, Instant closedAt, Actor actor,
                                 List<Happening> happenings) {
        if (happenings.isEmpty()) {
            return Mono.just(new Recorded(List.of(), conversation.lastSeq()));
        }
        return activeParticipants(conversation.id()).flatMap(active -> {
            var entry = entry(conversation, resolvedAt, closedAt, actor, happenings, active);
            return journal.write(entry).map(result -> {
                if (result != ConversationJournal.Result.WRITTEN) {
                    // under the row lock nobody else writes this conversation, and duplicates are looked up first
                    throw new IllegalStateException("conversation " + conversation.id() + " was not saved: " + result);
                }
                return new Recorded(entry.events(), entry.lastSeq());
            });
        });
    }

    /**
     * Records on a state read without a lock: saved only while the stored last seq is still
     * {@code conversation.lastSeq()}. {@code active} are the conversation's active participants as
     * of that state (the audience).
     */
    public Mono<Attempt> tryRecord(Conversation conversation, Set<UUID> active, Actor actor, List<Happening> happenings) {
        var entry = entry(conversation, null, null, actor, happenings, active);
        return journal.write(entry).map(result -> switch (result) {
            case WRITTEN -> new Attempt.Saved(new Recorded(entry.events(), entry.lastSeq()));
            case STALE -> new Attempt.Stale();
            case DUPLICATE_MESSAGE -> new Attempt.DuplicateMessage();
        });
    }

    /** The envelope of an event without a seq (latest-wins state such as read watermarks), for the outbox. */
    public EventEnvelope unsequenced(Conversation conversation, Set<UUID> active, Actor actor, EventData data) {
        return EventEnvelope.of(UuidV7.next(clock.instant()), conversation.id(), null, clock.instant(), actor,
                audienceFor(data, false, active, conversation), data);
    }

    private ConversationJournal.Entry entry(Conversation conversation, Instant resolvedAt, Instant closedAt, Actor actor,
                                            List<Happening> happenings, Set<UUID> active) {
        Instant now = clock.instant();
        long seq = conversation.lastSeq();
        var events = new ArrayList<EventEnvelope>(happenings.size());
        for (Happening happening : happenings) {
            seq++;
            events.add(EventEnvelope.of(UuidV7.next(now), conversation.id(), seq, now, actor,
                    audienceFor(happening.data(), happening.agentsOnly(), active, conversation), happening.data()));
        }
        return new ConversationJournal.Entry(conversation, conversation.lastSeq(), resolvedAt, closedAt, events);
    }

    private Mono<Set<UUID>> activeParticipants(UUID conversationId) {
        return participants.all(conversationId)
                .filter(Participant::isActive)
                .map(Participant::userId)
                .collect(LinkedHashSet<UUID>::new, Set::add);
    }

    static Audience audienceFor(EventData data, boolean agentsOnly, Set<UUID> active, Conversation conversation) {
        var users = new LinkedHashSet<>(active);
        if (agentsOnly) {
            users.remove(conversation.customerId());
        } else {
            users.add(conversation.customerId());
        }
        Audience audience = agentsOnly ? Audience.agentsOnly(users) : Audience.users(users);
        return data.type().startsWith("conversation.")
                ? audience.withNamed(Audience.department(conversation.departmentId()))
                : audience;
    }
}
