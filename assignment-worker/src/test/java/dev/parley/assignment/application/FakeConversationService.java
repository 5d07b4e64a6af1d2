package dev.parley.assignment.application;

import dev.parley.assignment.domain.AgentSeat;
import dev.parley.assignment.domain.DepartmentRouting;
import dev.parley.assignment.domain.WaitingConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A conversation service in memory that enforces what the real one does: single owner, capacity, ONLINE only. */
final class FakeConversationService implements ConversationService {

    final UUID department = UUID.randomUUID();
    final Map<UUID, AgentSeat> agents = new LinkedHashMap<>();
    final Map<UUID, Waiting> conversations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** Agents the next agent listing reports as free although they are full: a stale read. */
    final Set<UUID> staleFree = new java.util.HashSet<>();
    private UUID lastAssignee;
    /** While set, assign calls never answer, as when the service hangs. */
    volatile boolean hang;

    record Waiting(UUID id, UUID departmentId, Instant queuedAt, boolean priority, UUID owner) {
    }

    /** The departments the service knows; a test may add one later, as an admin would. */
    final List<UUID> departments = new ArrayList<>(List.of(department));

    AgentSeat agent(String status, int max) {
        return agentIn(Set.of(department), status, max);
    }

    AgentSeat agentIn(Set<UUID> departmentIds, String status, int max) {
        var agent = new AgentSeat(UUID.randomUUID(), status, max, 0, Instant.EPOCH, departmentIds);
        agents.put(agent.id(), agent);
        return agent;
    }

    UUID queued(Instant at) {
        return queuedIn(department, at);
    }

    synchronized UUID queuedIn(UUID departmentId, Instant at) {
        UUID id = UUID.randomUUID();
        conversations.put(id, new Waiting(id, departmentId, at, false, null));
        return id;
    }

    synchronized UUID newDepartment() {
        UUID id = UUID.randomUUID();
        departments.add(id);
        return id;
    }

    /** The conversation is resolved: it leaves the queue and its agent's seat frees. */
    synchronized void resolve(UUID conversationId) {
        Waiting conversation = conversations.remove(conversationId);
        AgentSeat agent = agents.get(conversation.owner());
        agents.put(agent.id(), new AgentSeat(agent.id(), agent.status(), agent.maxConcurrent(), agent.openCount() - 1,
                agent.statusChangedAt(), agent.departmentIds()));
    }

    UUID ownerOf(UUID conversation) {
        return conversations.get(conversation).owner();
    }

    /** Routing as admins set it per department; a department missing here has none. */
    final Map<UUID, DepartmentRouting> routings = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Mono<DepartmentRouting> routing(UUID departmentId) {
        calls.add("routing " + departmentId);
        return Mono.justOrEmpty(routings.get(departmentId));
    }

    @Override
    public synchronized Flux<UUID> departments() {
        return Flux.fromIterable(List.copyOf(departments));
    }

    @Override
    public synchronized Flux<AgentSeat> agents() {
        return Flux.fromIterable(agents.values().stream()
                .map(a -> staleFree.contains(a.id()) ? new AgentSeat(a.id(), a.status(), a.maxConcurrent(), 0,
                        a.statusChangedAt(), a.departmentIds()) : a)
                .toList());
    }

    @Override
    public synchronized Flux<WaitingConversation> queue(UUID departmentId, int limit) {
        return Flux.fromIterable(conversations.values().stream()
                .filter(c -> c.owner() == null && c.departmentId().equals(departmentId))
                .sorted(Comparator.comparing((Waiting c) -> !c.priority()).thenComparing(Waiting::queuedAt))
                .limit(limit)
                .map(c -> new WaitingConversation(c.id(), departmentId, c.queuedAt()))
                .toList());
    }

    @Override
    public synchronized Mono<AssignOutcome> assign(UUID conversationId, UUID agentId) {
        calls.add("assign " + conversationId + " " + agentId);
        if (hang) {
            return Mono.never();
        }
        Waiting conversation = conversations.get(conversationId);
        if (conversation == null || conversation.owner() != null) {
            return Mono.just(AssignOutcome.NOT_WAITING);
        }
        AgentSeat agent = agents.get(agentId);
        if (!agent.isOnline() || !agent.hasFreeSeat()) {
            return Mono.just(AssignOutcome.AGENT_UNAVAILABLE);
        }
        agents.put(agentId, agent.withOneMore());
        conversations.put(conversationId, new Waiting(conversationId, conversation.departmentId(), conversation.queuedAt(),
                false, agentId));
        lastAssignee = agentId;
        return Mono.just(AssignOutcome.ASSIGNED);
    }

    @Override
    public synchronized Mono<UUID> lastAssignee(UUID departmentId) {
        return Mono.justOrEmpty(lastAssignee);
    }

    @Override
    public synchronized Mono<Void> announceQueue(UUID departmentId) {
        calls.add("announce " + departmentId);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Boolean> requeue(UUID conversationId) {
        calls.add("requeue " + conversationId);
        Waiting conversation = conversations.get(conversationId);
        if (conversation.owner() == null) {
            return Mono.just(false);
        }
        AgentSeat agent = agents.get(conversation.owner());
        agents.put(agent.id(), new AgentSeat(agent.id(), agent.status(), agent.maxConcurrent(), agent.openCount() - 1,
                agent.statusChangedAt(), agent.departmentIds()));
        conversations.put(conversationId, new Waiting(conversationId, conversation.departmentId(), conversation.queuedAt(),
                true, null));
        return Mono.just(true);
    }

    @Override
    public synchronized Flux<UUID> openConversationsOf(UUID agentId) {
        return Flux.fromIterable(conversations.values().stream().filter(c -> agentId.equals(c.owner()))
                .map(Waiting::id).toList());
    }

    synchronized void setStatus(UUID agentId, String status) {
        AgentSeat a = agents.get(agentId);
        agents.put(agentId, new AgentSeat(a.id(), status, a.maxConcurrent(), a.openCount(), a.statusChangedAt(),
                a.departmentIds()));
    }
}
