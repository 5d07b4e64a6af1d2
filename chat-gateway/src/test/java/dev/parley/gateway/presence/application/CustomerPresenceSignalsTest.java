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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A customer coming and going is told to the agents of their open conversations, and only then. */
class CustomerPresenceSignalsTest {

    private static final UUID BOB = UUID.randomUUID();
    private static final Principal CUSTOMER = new Principal(UUID.randomUUID(), Principal.Role.CUSTOMER, UUID.randomUUID(), Set.of());
    private static final Principal AGENT = new Principal(BOB, Principal.Role.AGENT, null, Set.of());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final MemoryRouting.Hub hub = new MemoryRouting.Hub();
    private final MemoryPresence presence = new MemoryPresence();
    private final List<Map.Entry<PresenceChange, Set<UUID>>> sent = new CopyOnWriteArrayList<>();
    private final CustomerWatchers watchers = (customer, token) -> Mono.just(customer.equals(CUSTOMER.userId()) ? Set.of(BOB) : Set.of());
    private final MemoryRouting a = new MemoryRouting(hub, "a", clock, Duration.ofSeconds(15));
    private final MemoryRouting b = new MemoryRouting(hub, "b", clock, Duration.ofSeconds(15));

    private TrackingPresence trackingOn(MemoryRouting node) {
        return new TrackingPresence(presence, node, watchers,
                (change, to) -> Mono.fromRunnable(() -> sent.add(Map.entry(change, to))),
                new OfflineGrace(Duration.ofSeconds(30), Duration.ofSeconds(15)), clock);
    }

    @Test
    void theCustomersAgentsHearWhenTheyComeAndWhenTheirLastSocketAnywhereGoes() {
        a.register(CUSTOMER.userId()).then(trackingOn(a).connected(CUSTOMER, "t")).block();
        b.register(CUSTOMER.userId()).then(trackingOn(b).connected(CUSTOMER, "t")).block();
        clock.advance(Duration.ofSeconds(3));

        a.unregister(CUSTOMER.userId()).then(trackingOn(a).disconnected(CUSTOMER, "t")).block();
        assertThat(sent).extracting(entry -> entry.getKey().online()).containsExactly(true, true);

        trackingOn(b).disconnected(CUSTOMER, "t").block(); // b's registration is not gone yet: not "elsewhere"

        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).getKey()).isEqualTo(new PresenceChange(CUSTOMER.userId(), false, clock.instant()));
        assertThat(sent.get(2).getValue()).containsExactly(BOB);
    }

    @Test
    void agentsComingAndGoingSignalNobody() {
        a.register(BOB).then(trackingOn(a).connected(AGENT, "t")).then(trackingOn(a).disconnected(AGENT, "t")).block();

        assertThat(sent).isEmpty();
    }

    @Test
    void aFailingLookupCostsTheSignalButNeverErrors() {
        var failing = new TrackingPresence(presence, a, (customer, token) -> Mono.error(new IllegalStateException("down")),
                (change, to) -> Mono.fromRunnable(() -> sent.add(Map.entry(change, to))),
                new OfflineGrace(Duration.ofSeconds(30), Duration.ofSeconds(15)), clock);

        failing.connected(CUSTOMER, "t").block();

        assertThat(sent).isEmpty();
        assertThat(presence.lastSeen(List.of(CUSTOMER.userId())).block()).containsKey(CUSTOMER.userId());
    }
}
