package dev.parley.gateway.socket.application;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every socket open on this node, authenticated or not, and whether the node still takes new ones.
 * Once {@link #drain} is called no socket is admitted again, and {@link #empty} completes when the
 * last one has closed.
 */
public final class OpenSockets {

    private final Set<ClientSocket> open = ConcurrentHashMap.newKeySet();
    private final Sinks.Empty<Void> emptied = Sinks.empty();
    private volatile boolean draining;

    /** Adds a new socket; {@code false} when the node is draining and the socket must be turned away. */
    public boolean admit(ClientSocket socket) {
        open.add(socket);
        // checked after the add: a socket added while drain() copies the set is turned away here
        if (draining) {
            closed(socket);
            return false;
        }
        return true;
    }

    public void closed(ClientSocket socket) {
        open.remove(socket);
        if (draining && open.isEmpty()) {
            emptied.tryEmitEmpty();
        }
    }

    public boolean draining() {
        return draining;
    }

    /** Stops admitting sockets; returns those open now. */
    public List<ClientSocket> drain() {
        draining = true;
        if (open.isEmpty()) {
            emptied.tryEmitEmpty();
        }
        return List.copyOf(open);
    }

    /** Completes once the node drains and its last socket has closed. */
    public Mono<Void> empty() {
        return emptied.asMono();
    }

    /** The sockets open now (a live view: sockets may come and go while it is read). */
    public Iterable<ClientSocket> all() {
        return open;
    }

    public int size() {
        return open.size();
    }
}
