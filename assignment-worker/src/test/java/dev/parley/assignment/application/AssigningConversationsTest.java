package dev.parley.assignment.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assignment.domain.AgentSeat;
import dev.parley.assignment.domain.DepartmentRouting;
import dev.parley.assignment.domain.Strategy;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssigningConversationsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final FakeConversationService service = new FakeConversationService();
    private final AssigningConversations assigning = new AssigningConversations(service,
            new RoutingSettings(Strategy.LEAST_BUSY, Map.of(), Duration.ofMinutes(2), 2),
            AssignmentObserver.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ReactingToEvents reacting = new ReactingToEvents(assigning, service, true);

    @Test
    void assignsOldestFirstUntilNoSeatIsLeft() {
        AgentSeat ann = service.agent("ONLINE", 1);
        AgentSeat bob = service.agent("ONLINE", 1);
        UUID third = service.queued(NOW.minusSeconds(10));
        UUID first = service.queued(NOW.minusSeconds(30));
        UUID second = service.queued(NOW.minusSeconds(20));

        assigning.drain(service.department).block();

        assertThat(service.ownerOf(first)).isIn(ann.id(), bob.id());
        assertThat(service.ownerOf(second)).isIn(ann.id(), bob.id()).isNotEqualTo(service.ownerOf(first));
        assertThat(service.ownerOf(third)).isNull();
    }

    @Test
    void readsAnotherPageWhileItKeepsAssigning() {
        service.agent("ONLINE", 5);
        for (int i = 0; i < 5; i++) {
            service.queued(NOW.minusSeconds(i));
        }

        assigning.drain(service.department).block();

        assertThat(service.conversations.values()).allMatch(c -> c.owner() != null);
    }

    @Test
    void staleViewOfAFullAgentMovesOnToTheNextAgent() {
        AgentSeat full = service.agent("ONLINE", 0);
        service.staleFree.add(full.id());
        AgentSeat free = service.agent("ONLINE", 1);
        UUID conversation = service.queued(NOW.minusSeconds(5));

        assigning.drain(service.department).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(free.id());
    }

    @Test
    void aCancelledDrainDoesNotBlockTheNextOne() {
        AgentSeat agent = service.agent("ONLINE", 1);
        UUID conversation = service.queued(NOW.minusSeconds(5));
        service.hang = true;
        assigning.drain(service.department).subscribe().dispose();
        service.hang = false;

        assigning.drain(service.department).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(agent.id());
    }

    @Test
    void roundRobinTakesItsTurnFromTheServiceSoAnotherWorkerContinuesIt() {
        var roundRobin = new RoutingSettings(Strategy.LEAST_BUSY, Map.of(service.department, Strategy.ROUND_ROBIN),
                Duration.ofMinutes(2), 10);
        var first = new AssigningConversations(service, roundRobin, AssignmentObserver.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        var second = new AssigningConversations(service, roundRobin, AssignmentObserver.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        var agents = java.util.stream.Stream.of(service.agent("ONLINE", 9), service.agent("ONLINE", 9), service.agent("ONLINE", 9))
                .map(AgentSeat::id).sorted().toList();
        UUID one = service.queued(NOW.minusSeconds(3));
        UUID two = service.queued(NOW.minusSeconds(2));
        first.drain(service.department).block();
        UUID three = service.queued(NOW.minusSeconds(1));

        second.drain(service.department).block();

        assertThat(List.of(service.ownerOf(one), service.ownerOf(two), service.ownerOf(three))).isEqualTo(agents);
    }

    @Test
    void theDepartmentsOwnStrategyFromTheServiceWinsOverTheWorkersSetting() {
        service.routings.put(service.department, new DepartmentRouting(Strategy.ROUND_ROBIN, null));
        List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(3).sorted().toList();
        // Least-busy (the worker's setting here) would pick an idle agent; round-robin starts at the first in turn.
        for (int i = 0; i < ids.size(); i++) {
            service.agents.put(ids.get(i), new AgentSeat(ids.get(i), "ONLINE", 9, i == 0 ? 2 : 0, Instant.EPOCH,
                    Set.of(service.department)));
        }
        UUID conversation = service.queued(NOW.minusSeconds(3));

        assigning.drain(service.department).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(ids.get(0));
    }

    @Test
    void aSkillsDepartmentLetsOthersTakeItsConversationsAfterItsOwnFallbackWait() {
        UUID sales = service.newDepartment();
        service.routings.put(sales, new DepartmentRouting(Strategy.SKILLS, Duration.ofSeconds(30)));
        var supportAgent = service.agent("ONLINE", 3);
        UUID waitedLittle = service.queuedIn(sales, NOW.minusSeconds(10));

        assigning.drain(sales).block();
        assertThat(service.ownerOf(waitedLittle)).isNull();

        UUID waitedLong = service.queuedIn(sales, NOW.minusSeconds(40));
        assigning.drain(sales).block();
        assertThat(service.ownerOf(waitedLong)).isEqualTo(supportAgent.id());
    }

    @Test
    void agentsThatAreNotOnlineGetNothing() {
        service.agent("AWAY", 3);
        service.agent("BUSY", 3);
        service.agent("OFFLINE", 3);
        UUID conversation = service.queued(NOW.minusSeconds(5));

        assigning.drain(service.department).block();

        assertThat(service.ownerOf(conversation)).isNull();
        assertThat(service.calls).filteredOn(call -> call.startsWith("assign")).isEmpty();
    }

    /**
     * The worker caches the department list for a few seconds; a department created meanwhile
     * must still be drained when a seat frees, not left to the next sweep.
     */
    @Test
    void aFreedSeatServesADepartmentCreatedSinceTheDepartmentsWereLastRead() {
        reacting.drainEverywhere().block();
        UUID created = service.newDepartment();
        AgentSeat ann = service.agentIn(Set.of(service.department, created), "ONLINE", 1);
        UUID first = service.queued(NOW.minusSeconds(20));
        reacting.on(event(first, new EventData.ConversationQueued(service.department, NOW, false))).block();
        UUID waiting = service.queuedIn(created, NOW.minusSeconds(10));
        reacting.on(event(waiting, new EventData.ConversationQueued(created, NOW, false))).block();
        assertThat(service.ownerOf(waiting)).as("Ann is busy with the first").isNull();

        service.resolve(first);
        reacting.on(event(first, new EventData.ConversationStatusChanged("ACTIVE", "RESOLVED", null))).block();

        assertThat(service.ownerOf(waiting)).isEqualTo(ann.id());
    }

    @Test
    void aRedeliveredQueuedEventAssignsNothingTwice() {
        service.agent("ONLINE", 3);
        UUID conversation = service.queued(NOW.minusSeconds(5));
        EventEnvelope queued = event(conversation, new EventData.ConversationQueued(service.department, NOW, false));

        reacting.on(queued).block();
        reacting.on(queued).block();

        assertThat(service.calls).filteredOn(call -> call.startsWith("assign")).hasSize(1);
        assertThat(service.agents.values()).extracting(AgentSeat::openCount).containsExactly(1);
    }

    @Test
    void aDrainTellsWaitingCustomersTheirPlaceAtMostOncePerInterval() {
        service.queued(NOW.minusSeconds(5));

        assigning.drain(service.department).block();
        assigning.drain(service.department).block();

        assertThat(service.calls).filteredOn(call -> call.startsWith("announce"))
                .as("the clock stands still, so the second drain is inside the interval")
                .containsExactly("announce " + service.department);
    }

    @Test
    void withoutAnIntervalEveryDrainAnnounces() {
        var eager = new AssigningConversations(service,
                new RoutingSettings(Strategy.LEAST_BUSY, Map.of(), Duration.ofMinutes(2), 2, Duration.ZERO),
                AssignmentObserver.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        service.queued(NOW.minusSeconds(5));

        eager.drain(service.department).block();
        eager.drain(service.department).block();

        assertThat(service.calls).filteredOn(call -> call.startsWith("announce")).hasSize(2);
    }

    @Test
    void anAgentReportedOfflineHasTheirConversationsRequeuedToAnotherAgent() {
        AgentSeat leaving = service.agent("ONLINE", 1);
        UUID conversation = service.queued(NOW.minusSeconds(5));
        assigning.drain(service.department).block();
        AgentSeat staying = service.agent("ONLINE", 1);
        service.setStatus(leaving.id(), "OFFLINE");

        reacting.on(event(null, new EventData.AgentStatusChanged(leaving.id(), "OFFLINE", "ONLINE", NOW))).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(staying.id());
    }

    @Test
    void aStaleOfflineEventForAnAgentBackOnlineRequeuesNothing() {
        AgentSeat agent = service.agent("ONLINE", 1);
        UUID conversation = service.queued(NOW.minusSeconds(5));
        assigning.drain(service.department).block();

        reacting.on(event(null, new EventData.AgentStatusChanged(agent.id(), "OFFLINE", "ONLINE", NOW))).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(agent.id());
        assertThat(service.calls).noneMatch(call -> call.startsWith("requeue"));
    }

    @Test
    void keepsTheConversationsOfAnOfflineAgentWhenConfiguredTo() {
        var keeping = new ReactingToEvents(assigning, service, false);
        AgentSeat agent = service.agent("ONLINE", 1);
        UUID conversation = service.queued(NOW.minusSeconds(5));
        assigning.drain(service.department).block();
        service.setStatus(agent.id(), "OFFLINE");

        keeping.on(event(null, new EventData.AgentStatusChanged(agent.id(), "OFFLINE", "ONLINE", NOW))).block();

        assertThat(service.ownerOf(conversation)).isEqualTo(agent.id());
    }

    private static EventEnvelope event(UUID conversationId, EventData data) {
        return EventEnvelope.of(UUID.randomUUID(), conversationId, conversationId == null ? null : 3L, NOW,
                Actor.system(), Audience.users(java.util.Set.of()), data);
    }
}
