package dev.parley.gateway.routing.adapter.memory;

import dev.parley.gateway.routing.application.Routing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing inside one process (the memory engine): nodes sharing a {@link Hub} see each other, so
 * the contract suite can run two nodes in one JVM; in production the memory engine has one node.
 */
public final class MemoryRouting implements Routing {

    /** What the nodes of one process share: presence with expiry and the nodes' listeners. */
    public static final class Hub {
        private final Map<UUID, Map<String, Instant>> presence = new ConcurrentHashMap<>();
        private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    }

    private final Hub hub;
    private final String nodeId;
    private final Clock clock;
    private final Duration ttl;
    private final Set<UUID> local = ConcurrentHashMap.newKeySet();

    public MemoryRouting(Hub hub, String nodeId, Clock clock, Duration ttl) {
        this.hub = hub;
        this.nodeId = nodeId;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Mono<Void> register(UUID userId) {
        return Mono.fromRunnable(() -> {
            local.add(userId);
            mark(userId);
        });
    }

    @Override
    public Mono<Void> unregister(UUID userId) {
        return Mono.fromRunnable(() -> {
            local.remove(userId);
            hub.presence.computeIfPresent(userId, (id, nodes) -> {
                nodes.remove(nodeId);
                return nodes.isEmpty() ? null : nodes;
            });
        });
    }

    @Override
    public Mono<Void> heartbeat() {
        return Mono.fromRunnable(() -> local.forEach(this::mark));
    }

    @Override
    public Mono<Map<UUID, Set<String>>> nodesOf(Collection<UUID> users) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Map<UUID, Set<String>> nodes = new LinkedHashMap<>();
            for (UUID user : users) {
                Set<String> live = new HashSet<>();
                hub.presence.getOrDefault(user, Map.of()).forEach((node, expires) -> {
                    if (expires.isAfter(now)) {
                        live.add(node);
                    }
                });
                nodes.put(user, Set.copyOf(live));
            }
            return nodes;
        });
    }

    @Override
    public Mono<Void> publish(String node, String message) {
        return Mono.fromRunnable(() -> {
            Consumer<String> listener = hub.listeners.get(node);
            if (listener != null) {
                listener.accept(message);
            }
        });
    }

    @Override
    public Mono<Integer> sendToNodesOf(Collection<UUID> users, String message, boolean includingThisNode) {
        return nodesOf(users).flatMap(byUser -> {
            Set<String> targets = new HashSet<>();
            byUser.values().forEach(targets::addAll);
            if (!includingThisNode) {
                targets.remove(nodeId);
            }
            return Flux.fromIterable(targets).concatMap(node -> publish(node, message)).then(Mono.just(targets.size()));
        });
    }

    @Override
    public Mono<Void> broadcast(String message) {
        return Mono.fromRunnable(() -> hub.listeners.values().forEach(listener -> listener.accept(message)));
    }

    @Override
    public Mono<Void> listen(Consumer<String> listener) {
        return Mono.fromRunnable(() -> hub.listeners.put(nodeId, listener));
    }

    @Override
    public void close() {
        hub.listeners.remove(nodeId);
        Set.copyOf(local).forEach(user -> unregister(user).block());
    }

    private void mark(UUID userId) {
        hub.presence.computeIfAbsent(userId, id -> new ConcurrentHashMap<>()).put(nodeId, clock.instant().plus(ttl));
    }
}
