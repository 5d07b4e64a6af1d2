package dev.parley.gateway.session.domain;

import dev.parley.events.Audience;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's open, authenticated sockets by user (a user may have several: tabs, devices), plus
 * the set of agents' sockets for named audiences. Thread-safe.
 *
 * @param <S> a socket
 */
public final class SessionTable<S> {

    private final Map<UUID, Set<S>> byUser = new ConcurrentHashMap<>();
    private final Set<S> agents = ConcurrentHashMap.newKeySet();
    private final Function<S, Principal> principalOf;

    public SessionTable(Function<S, Principal> principalOf) {
        this.principalOf = principalOf;
    }

    public void add(S socket) {
        Principal principal = principalOf.apply(socket);
        byUser.computeIfAbsent(principal.userId(), id -> ConcurrentHashMap.newKeySet()).add(socket);
        if (principal.isAgent()) {
            agents.add(socket);
        }
    }

    public void remove(S socket) {
        Principal principal = principalOf.apply(socket);
        byUser.computeIfPresent(principal.userId(), (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
        agents.remove(socket);
    }

    public Set<S> of(UUID userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    public Set<S> agents() {
        return agents;
    }

    /** Every socket that may receive an event of this audience, after the {@link DeliveryPolicy}. */
    public List<S> recipients(Audience audience) {
        var candidates = new LinkedHashSet<S>();
        audience.users().forEach(user -> candidates.addAll(of(user)));
        if (!audience.named().isEmpty()) {
            candidates.addAll(agents);
        }
        return candidates.stream().filter(socket -> DeliveryPolicy.mayReceive(principalOf.apply(socket), audience)).toList();
    }

    public int size() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }
}
