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
    private final Listener<S> listener;

    /** Told when a user's first socket on this node arrives and their last one leaves (presence). */
    public interface Listener<S> {
        /** Called after the user's first socket here was added; must not block. */
        default void firstHere(S socket) {
        }

        /** Called after the user's last socket here was removed; must not block. */
        default void lastHere(S socket) {
        }
    }

    public SessionTable(Function<S, Principal> principalOf) {
        this(principalOf, null);
    }

    public SessionTable(Function<S, Principal> principalOf, Listener<S> listener) {
        this.principalOf = principalOf;
        this.listener = listener == null ? new Listener<>() {
        } : listener;
    }

    /** Adds a socket; {@code true} if it is its user's first on this node. */
    public boolean add(S socket) {
        Principal principal = principalOf.apply(socket);
        boolean[] first = {false};
        byUser.compute(principal.userId(), (id, sockets) -> {
            Set<S> all = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            first[0] = all.isEmpty();
            all.add(socket);
            return all;
        });
        if (principal.isAgent()) {
            agents.add(socket);
        }
        if (first[0]) {
            listener.firstHere(socket);
        }
        return first[0];
    }

    /** Removes a socket; {@code true} if it was its user's last on this node. */
    public boolean remove(S socket) {
        Principal principal = principalOf.apply(socket);
        boolean[] last = {false};
        byUser.computeIfPresent(principal.userId(), (id, sockets) -> {
            last[0] = sockets.remove(socket) && sockets.isEmpty();
            return sockets.isEmpty() ? null : sockets;
        });
        agents.remove(socket);
        if (last[0]) {
            listener.lastHere(socket);
        }
        return last[0];
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
