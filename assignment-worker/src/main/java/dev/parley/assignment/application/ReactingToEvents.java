package dev.parley.assignment.application;

import dev.parley.assignment.domain.AgentSeat;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns queue and availability events into drains. Every reaction reads the service's current
 * state, so handling an event twice (redelivery) or late does no harm: a conversation that is no
 * longer waiting or an agent no longer free is simply not assigned.
 *
 * <ul>
 *   <li>{@code conversation.queued}: drain its department.</li>
 *   <li>{@code conversation.status_changed} to RESOLVED, CLOSED or QUEUED, a transfer
 *       ({@code conversation.assigned} with a previous agent), {@code conversation.participant_left},
 *       an agent coming ONLINE: a seat may have freed somewhere; drain every department.</li>
 *   <li>{@code agent.status_changed} to OFFLINE: when configured, requeue the agent's open
 *       conversations (only if the agent is still OFFLINE now, so a stale redelivery after the agent
 *       came back takes nothing away), then drain every department.</li>
 * </ul>
 */
public final class ReactingToEvents {

    private static final Set<String> FREEING_STATUSES = Set.of("RESOLVED", "CLOSED", "QUEUED");
    /** Departments change rarely; a short cache spares one call per event during bursts. */
    private static final Duration DEPARTMENTS_FRESH_FOR = Duration.ofSeconds(5);

    private final AssigningConversations assigning;
    private final ConversationService service;
    private final boolean requeueOnAgentOffline;
    private final Mono<List<UUID>> departments;
    /**
     * Departments seen in {@code conversation.queued}: drained everywhere even when the cached list
     * predates them, or a department created within the cache's freshness would be missed until the
     * next sweep.
     */
    private final Set<UUID> queuedIn = ConcurrentHashMap.newKeySet();

    public ReactingToEvents(AssigningConversations assigning, ConversationService service, boolean requeueOnAgentOffline) {
        this.assigning = assigning;
        this.service = service;
        this.requeueOnAgentOffline = requeueOnAgentOffline;
        this.departments = service.departments().collectList()
                .cache(found -> DEPARTMENTS_FRESH_FOR, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Void> on(EventEnvelope event) {
        EventData data = event.data();
        if (data instanceof EventData.ConversationQueued queued) {
            queuedIn.add(queued.departmentId());
            return assigning.drain(queued.departmentId());
        }
        if (data instanceof EventData.ConversationStatusChanged changed && FREEING_STATUSES.contains(changed.to())
                || data instanceof EventData.ConversationAssigned assigned && assigned.previousAgentId() != null
                || data instanceof EventData.ParticipantLeft) {
            return drainEverywhere();
        }
        if (data instanceof EventData.AgentStatusChanged status) {
            if (AgentSeat.ONLINE.equals(status.status())) {
                return drainEverywhere();
            }
            if ("OFFLINE".equals(status.status()) && requeueOnAgentOffline) {
                return requeueIfStillOffline(status.agentId()).then(drainEverywhere());
            }
        }
        return Mono.empty();
    }

    /** Every department, now: the sweep's work. */
    public Mono<Void> drainEverywhere() {
        return assigning.drainAll(departments.flatMapMany(known -> {
            Set<UUID> all = new LinkedHashSet<>(known);
            all.addAll(queuedIn);
            return Flux.fromIterable(all);
        }));
    }

    private Mono<Void> requeueIfStillOffline(UUID agentId) {
        return service.agents().filter(agent -> agent.id().equals(agentId) && "OFFLINE".equals(agent.status()))
                .next()
                .flatMapMany(offline -> service.openConversationsOf(agentId))
                .concatMap(service::requeue)
                .then();
    }
}
