package dev.parley.conversation.queue.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.queue.domain.WaitEstimate;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reading.application.ConversationQueries.ConversationSummary;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Tells waiting customers where they stand: position in their department's queue (requeued first,
 * then oldest) and an estimate from the free seats of its online agents and its recent assignment
 * rate, or none where nobody can tell ({@link WaitEstimate}). The assignment worker
 * asks for an announcement after it drained a department; the widget reads its own position on load.
 */
public final class AnnouncingQueuePositions {

    public static final String NOT_QUEUED = "conversation.not_queued";
    /** Customers further back get their position when they load the widget or the line moves up. */
    private static final int ANNOUNCED = 200;

    private final Transactions transactions;
    private final ConversationQueries queries;
    private final ConversationStore conversations;
    private final AccessPolicy access;
    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;

    public AnnouncingQueuePositions(Transactions transactions, ConversationQueries queries,
                                    ConversationStore conversations, AccessPolicy access, Outbox outbox, Topics topics,
                                    Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.conversations = conversations;
        this.access = access;
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /** Where one conversation stands now; {@code estimatedWaitSeconds} is null when unknown. */
    public record Position(int position, Long estimatedWaitSeconds) {
    }

    /** Sends every waiting customer of the department (up to 200) their position; completes with how many. */
    public Mono<Outcome<Integer>> announce(Caller caller, UUID departmentId) {
        if (!(caller instanceof Caller.Service || caller instanceof Caller.Agent agent && agent.isAdmin())) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "queue announcements are for services"));
        }
        return transactions.inTransaction(() -> Mono.zip(queries.queue(departmentId, ANNOUNCED).collectList(),
                        interval(departmentId), estimate(departmentId))
                .flatMap(read -> {
                    Instant now = clock.instant();
                    List<ConversationSummary> waiting = read.getT1();
                    var events = new ArrayList<EventEnvelope>();
                    for (int i = 0; i < waiting.size(); i++) {
                        ConversationSummary conversation = waiting.get(i);
                        events.add(EventEnvelope.of(UuidV7.next(now), conversation.id(), null, now, Actor.system(),
                                Audience.users(Set.of(conversation.customerId())),
                                new EventData.QueuePosition(departmentId, i + 1, seconds(read.getT3(), read.getT2(), i + 1), now)));
                    }
                    return outbox.append(topics.conversationEvents(), events).thenReturn(Outcome.accepted(events.size()));
                }));
    }

    public Mono<Outcome<Position>> positionOf(Caller caller, UUID conversationId) {
        return conversations.find(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> {
                    if (denied.isPresent()) {
                        return Mono.just(Outcome.<Position>rejected(denied.get()));
                    }
                    if (conversation.status() != ConversationStatus.QUEUED) {
                        return Mono.just(Outcome.<Position>rejected(NOT_QUEUED, "the conversation is not waiting in a queue"));
                    }
                    return Mono.zip(queries.positionInQueue(conversationId), interval(conversation.departmentId()),
                                    estimate(conversation.departmentId()))
                            .map(read -> Outcome.accepted(new Position(read.getT1(),
                                    seconds(read.getT3(), read.getT2(), read.getT1()))));
                }))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    private Mono<Optional<Duration>> interval(UUID departmentId) {
        return queries.recentAssignmentInterval(departmentId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<WaitEstimate> estimate(UUID departmentId) {
        return queries.seats(departmentId).map(seats -> new WaitEstimate(seats.onlineAgents(), seats.freeSeats()));
    }

    private static Long seconds(WaitEstimate estimate, Optional<Duration> interval, int position) {
        return estimate.forPlace(position, interval).map(Duration::toSeconds).orElse(null);
    }
}
