package dev.parley.assignment.application;

import dev.parley.assignment.application.ConversationService.AssignOutcome;
import dev.parley.assignment.domain.AgentSeat;
import dev.parley.assignment.domain.Router;
import dev.parley.assignment.domain.Strategy;
import dev.parley.assignment.domain.WaitingConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains a department's queue: reads the waiting conversations in order and the agents, and offers
 * the head conversation to the agent the department's strategy picks until no agent may take it or
 * nothing waits. Safe to run anywhere and any number of times (redelivered events, sweeps, several
 * workers): it acts on the service's current state and the service decides every assignment.
 *
 * <p>FIFO: when nobody may take the head conversation, the round stops rather than serving a later
 * one, since a later conversation has waited less and so has no more eligible agents.
 *
 * <p>Within one worker, drains of one department run one at a time; a drain asked for while one
 * runs is folded into one more round after it.
 */
public final class AssigningConversations {

    private final ConversationService service;
    private final RoutingSettings settings;
    private final AssignmentObserver observer;
    private final Clock clock;
    private final Map<UUID, AtomicInteger> demand = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> announced = new ConcurrentHashMap<>();
    /** An announcement not done by then is dropped; the next drain or sweep announces again. */
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(5);

    public AssigningConversations(ConversationService service, RoutingSettings settings, AssignmentObserver observer,
                                  Clock clock) {
        this.service = service;
        this.settings = settings;
        this.observer = observer;
        this.clock = clock;
    }

    /** Drains one department; completes once this or a running drain has looked at the queue after the call. */
    public Mono<Void> drain(UUID departmentId) {
        return Mono.defer(() -> {
            AtomicInteger asked = demand.computeIfAbsent(departmentId, id -> new AtomicInteger());
            if (asked.getAndIncrement() != 0) {
                return Mono.empty();
            }
            return whileAsked(departmentId, asked, 1);
        });
    }

    /** Drains the given departments one after another. */
    public Mono<Void> drainAll(Flux<UUID> departmentIds) {
        return departmentIds.concatMap(this::drain).then();
    }

    private Mono<Void> whileAsked(UUID departmentId, AtomicInteger asked, int seen) {
        // A failed or cancelled drain (the handler's partition was revoked, the worker stops) must
        // not leave the department marked busy, or no later drain on this worker would run.
        return drainFully(departmentId)
                .doOnSuccess(ignored -> announce(departmentId))
                .doOnError(e -> asked.set(0))
                .doOnCancel(() -> asked.set(0))
                .then(Mono.defer(() -> {
                    int left = asked.addAndGet(-seen);
                    return left == 0 ? Mono.empty() : whileAsked(departmentId, asked, left);
                }));
    }

    /**
     * After a drain the line has moved (or someone joined it): waiting customers learn their place.
     * At most once per department per {@code queueAnnounceInterval}, since every drain of a busy
     * department would otherwise resend the whole line; the periodic sweep announces the rest. It
     * runs beside the drain loop, bounded in time, and its failure is ignored: an announcement must
     * never hold up an assignment.
     */
    private void announce(UUID departmentId) {
        Instant now = clock.instant();
        Instant last = announced.get(departmentId);
        if (last != null && now.isBefore(last.plus(settings.queueAnnounceInterval()))) {
            return;
        }
        announced.put(departmentId, now);
        service.announceQueue(departmentId)
                .timeout(ANNOUNCE_TIMEOUT)
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }

    /** Rounds until one assigns nothing or reads less than a full page. */
    private Mono<Void> drainFully(UUID departmentId) {
        return round(departmentId).flatMap(result -> result.assigned() > 0 && result.fullPage()
                ? drainFully(departmentId) : Mono.empty());
    }

    private record RoundResult(int assigned, boolean fullPage) {
    }

    private Mono<RoundResult> round(UUID departmentId) {
        // The department's routing is read each round, so an admin's change applies to the next one.
        return service.routing(departmentId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(own -> settings.routingOf(departmentId, own))
                .flatMap(routing -> round(departmentId, routing.strategy(), routing.strategy().router(routing.skillsFallbackAfter())));
    }

    private Mono<RoundResult> round(UUID departmentId, Strategy strategy, Router router) {
        // Only round-robin needs the position; it is read once per round and then kept locally.
        Mono<Optional<UUID>> position = strategy == Strategy.ROUND_ROBIN
                ? service.lastAssignee(departmentId).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return Mono.zip(service.queue(departmentId, settings.queuePage()).collectList(), service.agents().collectList(),
                        position)
                .flatMap(read -> {
                    List<WaitingConversation> queue = read.getT1();
                    Instant now = clock.instant();
                    observer.queueRead(departmentId, queue.size(),
                            queue.stream().map(c -> c.waitedAt(now)).max(Duration::compareTo).orElse(Duration.ZERO));
                    var roster = new Roster(read.getT2(), read.getT3().orElse(null));
                    return Flux.fromIterable(queue)
                            .concatMap(conversation -> offer(conversation, roster, strategy, router))
                            .takeWhile(placed -> placed != Placement.NOBODY_FREE)
                            .filter(placed -> placed == Placement.ASSIGNED)
                            .count()
                            .map(assigned -> new RoundResult(assigned.intValue(), queue.size() == settings.queuePage()));
                });
    }

    private enum Placement { ASSIGNED, GONE, NOBODY_FREE }

    /** Offers one conversation until an agent takes it, it is gone, or nobody may take it. */
    private Mono<Placement> offer(WaitingConversation conversation, Roster roster, Strategy strategy, Router router) {
        return Mono.defer(() -> {
            UUID department = conversation.departmentId();
            var chosen = router.choose(conversation, roster.agents(), clock.instant(), roster.lastAssigned());
            if (chosen.isEmpty()) {
                return Mono.just(Placement.NOBODY_FREE);
            }
            AgentSeat agent = chosen.get();
            return service.assign(conversation.id(), agent.id()).flatMap(outcome -> {
                observer.attempted(strategy, outcome);
                if (outcome == AssignOutcome.ASSIGNED) {
                    roster.assigned(agent);
                    observer.assigned(strategy, conversation.waitedAt(clock.instant()));
                    return Mono.just(Placement.ASSIGNED);
                }
                if (outcome == AssignOutcome.AGENT_UNAVAILABLE) {
                    // Our view was stale; the agent is out of this round and the next agent is asked.
                    roster.put(agent.full());
                    return offer(conversation, roster, strategy, router);
                }
                return Mono.just(Placement.GONE);
            });
        });
    }

    /** The round's view of the agents and of the round-robin turn, updated as it assigns. One round uses it. */
    private static final class Roster {
        private final Map<UUID, AgentSeat> byId;
        private UUID lastAssigned;

        Roster(List<AgentSeat> agents, UUID lastAssigned) {
            byId = agents.stream().collect(Collectors.toMap(AgentSeat::id, Function.identity(), (a, b) -> b,
                    LinkedHashMap::new));
            this.lastAssigned = lastAssigned;
        }

        UUID lastAssigned() {
            return lastAssigned;
        }

        void assigned(AgentSeat agent) {
            byId.put(agent.id(), agent.withOneMore());
            lastAssigned = agent.id();
        }

        List<AgentSeat> agents() {
            return List.copyOf(byId.values());
        }

        void put(AgentSeat agent) {
            byId.put(agent.id(), agent);
        }
    }
}
