package dev.parley.gateway.presence.application;

import dev.parley.gateway.presence.domain.OfflineGrace;
import dev.parley.gateway.presence.domain.PresenceChange;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows users' sockets on this node into the shared presence: last seen for everyone, the
 * pending offline report of agents (see {@link OfflineGrace}), and a {@code presence} signal to the
 * agents of a customer's open conversations when the customer comes or goes. Never errors: presence
 * is best effort (logged), and the hooks must not cost a socket.
 */
public final class TrackingPresence {

    private static final Logger log = LoggerFactory.getLogger(TrackingPresence.class);

    private final Presence presence;
    private final Routing routing;
    private final CustomerWatchers watchers;
    private final PresenceSignals signals;
    private final OfflineGrace grace;
    private final Clock clock;

    public TrackingPresence(Presence presence, Routing routing, CustomerWatchers watchers, PresenceSignals signals,
                            OfflineGrace grace, Clock clock) {
        this.presence = presence;
        this.routing = routing;
        this.watchers = watchers;
        this.signals = signals;
        this.grace = grace;
        this.clock = clock;
    }

    /** The user's first socket on this node is authenticated. */
    public Mono<Void> connected(Principal user, String token) {
        Instant now = now();
        Mono<Void> recorded = presence.seen(user.userId(), now);
        Mono<Void> then = user.isAgent()
                ? presence.schedule(user.userId(), grace.whileConnected(now))
                : tell(user, token, new PresenceChange(user.userId(), true, now));
        return recorded.then(then).onErrorResume(error -> logged(user, "connect", error));
    }

    /** The user's last socket on this node closed. */
    public Mono<Void> disconnected(Principal user, String token) {
        Instant now = now();
        Mono<Void> recorded = presence.seen(user.userId(), now);
        Mono<Void> then = user.isAgent()
                ? presence.schedule(user.userId(), grace.afterLastSocket(now))
                : elsewhere(user.userId()).flatMap(online -> online ? Mono.<Void>empty()
                        : tell(user, token, new PresenceChange(user.userId(), false, now)));
        return recorded.then(then).onErrorResume(error -> logged(user, "disconnect", error));
    }

    /** Pushes back the offline report of the agents connected here; call it within every registration TTL. */
    public Mono<Void> renew(Collection<UUID> agentsHere) {
        Instant due = grace.whileConnected(now());
        return Flux.fromIterable(Set.copyOf(agentsHere))
                .flatMap(agent -> presence.schedule(agent, due))
                .then()
                .onErrorResume(error -> {
                    log.warn("Could not renew the presence of this node's agents: {}", error.toString());
                    return Mono.empty();
                });
    }

    /** Each user's presence: online if connected to any node; last seen now when online. */
    public Mono<List<PresenceChange>> lookup(Collection<UUID> users) {
        List<UUID> asked = List.copyOf(new java.util.LinkedHashSet<>(users));
        Instant now = now();
        return Mono.zip(routing.nodesOf(asked), presence.lastSeen(asked)).map(found -> asked.stream()
                .map(user -> {
                    boolean online = !found.getT1().getOrDefault(user, Set.of()).isEmpty();
                    return new PresenceChange(user, online, online ? now : found.getT2().get(user));
                })
                .toList());
    }

    /** Millisecond precision, as stored: a time pushed in a frame equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether the user still has a socket on another node (this node's registration may not be gone yet). */
    private Mono<Boolean> elsewhere(UUID userId) {
        return routing.nodesOf(List.of(userId)).map(nodes -> {
            Set<String> others = new HashSet<>(nodes.getOrDefault(userId, Set.of()));
            others.remove(routing.nodeId());
            return !others.isEmpty();
        });
    }

    private Mono<Void> tell(Principal customer, String token, PresenceChange change) {
        return watchers.agentsOf(customer.userId(), token)
                .flatMap(agents -> agents.isEmpty() ? Mono.<Void>empty() : signals.send(change, agents));
    }

    private static Mono<Void> logged(Principal user, String what, Throwable error) {
        log.warn("Could not record the {} of user {}: {}", what, user.userId(), error.toString());
        return Mono.empty();
    }
}
