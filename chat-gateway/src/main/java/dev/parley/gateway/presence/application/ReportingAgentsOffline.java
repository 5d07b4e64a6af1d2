package dev.parley.gateway.presence.application;

import dev.parley.gateway.presence.domain.OfflineGrace;
import dev.parley.gateway.routing.application.Routing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports to conversation-service the agents whose grace period ran out with no socket on any node.
 * Every node sweeps; {@link Presence#claim} lets exactly one act on each due agent. An agent found
 * connected somewhere (a socket on another node, or a reconnect) is pushed back instead. A report
 * that fails is due again one grace period later, so a conversation-service outage delays it
 * rather than losing it.
 */
public final class ReportingAgentsOffline {

    /** What one sweep did. */
    public record Sweep(int reported, int stillConnected, int failed) {

        static final Sweep NONE = new Sweep(0, 0, 0);

        Sweep plus(Sweep other) {
            return new Sweep(reported + other.reported, stillConnected + other.stillConnected, failed + other.failed);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReportingAgentsOffline.class);
    /** Due agents handled per sweep; more wait for the next one. */
    private static final int BATCH = 100;

    private final Presence presence;
    private final Routing routing;
    private final AgentStatuses statuses;
    private final OfflineGrace grace;
    private final Clock clock;

    public ReportingAgentsOffline(Presence presence, Routing routing, AgentStatuses statuses, OfflineGrace grace,
                                  Clock clock) {
        this.presence = presence;
        this.routing = routing;
        this.statuses = statuses;
        this.grace = grace;
        this.clock = clock;
    }

    /** One pass over the agents due now. Never errors. */
    public Mono<Sweep> sweep() {
        Instant now = clock.instant();
        return presence.due(now, BATCH)
                .flatMapMany(Flux::fromIterable)
                .concatMap(agent -> settle(agent, now))
                .reduce(Sweep.NONE, Sweep::plus)
                .onErrorResume(error -> {
                    log.warn("Could not sweep agents due to go offline: {}", error.toString());
                    return Mono.just(Sweep.NONE);
                });
    }

    private Mono<Sweep> settle(UUID agent, Instant now) {
        return routing.nodesOf(List.of(agent)).flatMap(nodes -> {
            if (!nodes.getOrDefault(agent, java.util.Set.of()).isEmpty()) {
                return presence.schedule(agent, grace.whileConnected(now)).thenReturn(new Sweep(0, 1, 0));
            }
            return presence.claim(agent, now).flatMap(won -> won ? report(agent, now) : Mono.just(Sweep.NONE));
        });
    }

    private Mono<Sweep> report(UUID agent, Instant now) {
        return statuses.reportOffline(agent)
                .then(Mono.fromSupplier(() -> {
                    log.info("Agent {} has had no socket for the grace period: reported OFFLINE", agent);
                    return new Sweep(1, 0, 0);
                }))
                .onErrorResume(error -> {
                    log.warn("Could not report agent {} offline ({}); trying again later", agent, error.toString());
                    return presence.schedule(agent, grace.afterLastSocket(now)).onErrorResume(again -> Mono.empty())
                            .thenReturn(new Sweep(0, 0, 1));
                });
    }
}
