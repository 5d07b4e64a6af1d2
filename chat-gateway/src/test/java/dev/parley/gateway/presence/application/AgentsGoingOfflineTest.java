package dev.parley.gateway.presence.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.presence.adapter.memory.MemoryPresence;
import dev.parley.gateway.presence.domain.OfflineGrace;
import dev.parley.gateway.presence.domain.PresenceChange;
import dev.parley.gateway.routing.adapter.memory.MemoryRouting;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Two nodes sharing memory presence and routing, a hand-moved clock, and a recording
 * conversation-service: when an agent is reported offline, and by how many nodes.
 */
class AgentsGoingOfflineTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final UUID BOB = UUID.randomUUID();
    private static final Principal AGENT = new Principal(BOB, Principal.Role.AGENT, null, Set.of());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final MemoryPresence presence = new MemoryPresence();
    private final MemoryRouting.Hub hub = new MemoryRouting.Hub();
    private final List<UUID> reported = new CopyOnWriteArrayList<>();
    private final AtomicBoolean serviceDown = new AtomicBoolean();
    private final AgentStatuses statuses = agent -> serviceDown.get()
            ? Mono.error(new IllegalStateException("conversation-service is down"))
            : Mono.fromRunnable(() -> reported.add(agent));
    private final Node a = new Node("a");
    private final Node b = new Node("b");

    /** One gateway node: its registry view, presence tracking and offline reporting. */
    private final class Node {
        final MemoryRouting routing;
        final TrackingPresence tracking;
        final ReportingAgentsOffline reporting;
        final Set<UUID> agentsHere = ConcurrentHashMap.newKeySet();
        volatile boolean crashed;

        Node(String id) {
            OfflineGrace grace = new OfflineGrace(GRACE, TTL);
            routing = new MemoryRouting(hub, id, clock, TTL);
            tracking = new TrackingPresence(presence, routing, (customer, token) -> Mono.just(Set.of()),
                    (change, to) -> Mono.empty(), grace, clock);
            reporting = new ReportingAgentsOffline(presence, routing, statuses, grace, clock);
        }

        void opens(Principal user) {
            if (user.isAgent()) {
                agentsHere.add(user.userId());
            }
            routing.register(user.userId()).then(tracking.connected(user, "token")).block();
        }

        void closesLast(Principal user) {
            agentsHere.remove(user.userId());
            routing.unregister(user.userId()).then(tracking.disconnected(user, "token")).block();
        }

        /** What a live node's timers do: renew registrations and agents every third of the TTL, sweep. */
        void tick() {
            if (!crashed) {
                routing.heartbeat().then(tracking.renew(agentsHere)).then(reporting.sweep()).block();
            }
        }
    }

    /** Time passes in steps of a third of the TTL, each node's timers firing at every step. */
    private void passes(Duration time) {
        Duration step = TTL.dividedBy(3);
        for (Duration left = time; !left.isNegative() && !left.isZero(); left = left.minus(step)) {
            clock.advance(left.compareTo(step) < 0 ? left : step);
            a.tick();
            b.tick();
        }
    }

    @Test
    void anAgentWithoutSocketsIsReportedOfflineOnceWhenTheGraceRunsOutWhicheverNodesSweep() {
        a.opens(AGENT);
        a.closesLast(AGENT);

        passes(GRACE.minusSeconds(1));
        assertThat(reported).isEmpty();

        passes(Duration.ofSeconds(1));
        passes(GRACE);
        assertThat(reported).containsExactly(BOB);
    }

    @Test
    void anAgentWhoReconnectsWithinTheGraceOnAnotherNodeIsNotReported() {
        a.opens(AGENT);
        a.closesLast(AGENT);
        passes(Duration.ofSeconds(5));
        b.opens(AGENT);

        passes(GRACE.multipliedBy(3));

        assertThat(reported).isEmpty();
    }

    @Test
    void anAgentStillConnectedOnAnotherNodeIsNotReportedWhenOneNodeLosesThem() {
        a.opens(AGENT);
        b.opens(AGENT);
        a.closesLast(AGENT);

        passes(GRACE.plus(TTL).multipliedBy(3));

        assertThat(reported).isEmpty();
    }

    @Test
    void anAgentOnACrashedNodeIsReportedOnceTheRegistrationExpiredAndTheGraceRanOut() {
        a.opens(AGENT);
        passes(TTL);
        a.crashed = true; // no close, no more heartbeats or renewals

        passes(TTL.plus(GRACE).minusSeconds(1));
        assertThat(reported).isEmpty();

        passes(Duration.ofSeconds(1));
        assertThat(reported).containsExactly(BOB);
    }

    @Test
    void aReportThatFailsIsMadeAgainLater() {
        a.opens(AGENT);
        a.closesLast(AGENT);
        serviceDown.set(true);
        passes(GRACE);
        assertThat(reported).isEmpty();

        serviceDown.set(false);
        passes(GRACE);

        assertThat(reported).containsExactly(BOB);
    }

    @Test
    void presenceAnswersOnlineFromAnyNodeAndLastSeenOnceGone() {
        Principal customer = new Principal(UUID.randomUUID(), Principal.Role.CUSTOMER, UUID.randomUUID(), Set.of());
        UUID stranger = UUID.randomUUID();
        a.opens(customer);
        passes(Duration.ofMinutes(1));

        assertThat(b.tracking.lookup(List.of(customer.userId(), stranger)).block()).containsExactly(
                new PresenceChange(customer.userId(), true, clock.instant()), new PresenceChange(stranger, false, null));

        a.closesLast(customer);
        var leftAt = clock.instant();
        passes(Duration.ofMinutes(5));

        assertThat(b.tracking.lookup(List.of(customer.userId())).block())
                .containsExactly(new PresenceChange(customer.userId(), false, leftAt));
    }
}
