package dev.parley.gateway.presence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Presence} guarantees (its Javadoc), run against each adapter through
 * {@link #presence()}: two calls return two views of one shared state, as two nodes would have.
 */
public abstract class PresenceContract {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    /** A view of the state shared by all views the test class creates (a node's adapter). */
    protected abstract Presence presence();

    @Test
    void lastSeenIsAnsweredOnEveryNodeAndNeverGoesBack() {
        Presence a = presence();
        Presence b = presence();
        UUID seen = UUID.randomUUID();
        UUID never = UUID.randomUUID();

        a.seen(seen, T0.plusSeconds(10)).block();
        b.seen(seen, T0).block();

        assertThat(b.lastSeen(List.of(seen, never)).block()).isEqualTo(Map.of(seen, T0.plusSeconds(10)));
        assertThat(a.lastSeen(List.of()).block()).isEmpty();
    }

    @Test
    void anAgentIsDueOnlyOnceItsDueTimeHasComeEarliestFirst() {
        Presence a = presence();
        UUID later = UUID.randomUUID();
        UUID sooner = UUID.randomUUID();
        UUID notYet = UUID.randomUUID();
        a.schedule(later, T0.plusSeconds(2)).then(a.schedule(sooner, T0.plusSeconds(1)))
                .then(a.schedule(notYet, T0.plusSeconds(60))).block();

        List<UUID> due = presence().due(T0.plusSeconds(30), 1000).block();

        assertThat(due).containsSubsequence(sooner, later).doesNotContain(notYet);
    }

    @Test
    void schedulingAgainReplacesTheDueTimeEitherWay() {
        Presence a = presence();
        UUID postponed = UUID.randomUUID();
        UUID broughtForward = UUID.randomUUID();
        a.schedule(postponed, T0.plusSeconds(1)).then(a.schedule(broughtForward, T0.plusSeconds(100))).block();

        a.schedule(postponed, T0.plusSeconds(100)).then(a.schedule(broughtForward, T0.plusSeconds(1))).block();

        assertThat(a.due(T0.plusSeconds(50), 1000).block()).contains(broughtForward).doesNotContain(postponed);
    }

    @Test
    void aDueAgentIsClaimedByExactlyOneOfManyConcurrentClaimers() throws Exception {
        UUID agent = UUID.randomUUID();
        presence().schedule(agent, T0).block();
        Callable<Boolean> claim = () -> presence().claim(agent, T0.plusSeconds(1)).block();

        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = nodes.invokeAll(IntStream.range(0, 16).mapToObj(i -> claim).toList());
            long won = 0;
            for (Future<Boolean> each : claims) {
                won += each.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(presence().due(T0.plusSeconds(1), 1000).block()).doesNotContain(agent);
    }

    @Test
    void anAgentRescheduledBeforeTheClaimCannotBeClaimed() {
        UUID agent = UUID.randomUUID();
        Presence a = presence();
        a.schedule(agent, T0).block();
        List<UUID> due = a.due(T0.plus(Duration.ofSeconds(1)), 1000).block();

        presence().schedule(agent, T0.plusSeconds(60)).block();

        assertThat(due).contains(agent);
        assertThat(a.claim(agent, T0.plusSeconds(1)).block()).isFalse();
        assertThat(a.claim(UUID.randomUUID(), T0.plusSeconds(1)).block()).isFalse();
    }
}
