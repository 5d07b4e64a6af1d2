package dev.parley.gateway.routing.application;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Where users are connected across gateway nodes, and a message channel per node (ARCHITECTURE §2:
 * the local session table in the memory engine, a Redis registry and Redis pub/sub in the cluster
 * engine). One instance per node. Every implementation passes {@code RoutingContract}:
 *
 * <ul>
 *   <li><b>Presence.</b> Once {@link #register} completes, {@link #nodesOf} answers this node for
 *       the user, on every node, until {@link #unregister} completes or this node has not called
 *       {@link #heartbeat} for longer than the TTL (a crashed node disappears by itself). Answers
 *       may still name a node up to one TTL after it lost the user: a sender tolerates extra
 *       nodes (the node finds no socket and drops the message).</li>
 *   <li><b>Node channels.</b> {@link #publish} hands a message to the node's listener at most once;
 *       messages of one publisher to one node arrive in publish order. A node that is not listening
 *       (restarting, partitioned) loses them: completeness comes from clients' resume, not from here.</li>
 *   <li><b>Relay.</b> {@link #sendToNodesOf} is {@link #nodesOf} then one {@link #publish} per
 *       distinct node found, with the same promises, as one step (one Redis command, not one per
 *       user and per node: routing is on every event's path).</li>
 *   <li><b>Broadcast.</b> {@link #broadcast} reaches every listening node, the sender included, with
 *       the same at-most-once promise.</li>
 *   <li><b>Failure.</b> A failed call promises nothing; callers log and carry on (delivery is best effort).</li>
 * </ul>
 */
public interface Routing extends AutoCloseable {

    /** This node's id. */
    String nodeId();

    /** Records that the user has a socket on this node (idempotent). */
    Mono<Void> register(UUID userId);

    /** Records that the user has no socket left on this node (idempotent). */
    Mono<Void> unregister(UUID userId);

    /** Renews this node's registrations; call it well within the TTL (a third of it). */
    Mono<Void> heartbeat();

    /** The nodes each user is connected to; users connected nowhere map to an empty set. */
    Mono<Map<UUID, Set<String>>> nodesOf(Collection<UUID> users);

    /** Sends a message to one node's channel. */
    Mono<Void> publish(String nodeId, String message);

    /**
     * Sends {@code message} once to every node holding a socket of one of {@code users}, this node
     * included only if {@code includingThisNode}; completes with the number of nodes it was sent to.
     */
    Mono<Integer> sendToNodesOf(Collection<UUID> users, String message, boolean includingThisNode);

    /** Sends a message to every node. */
    Mono<Void> broadcast(String message);

    /**
     * Starts handing this node's channel and the broadcast channel to {@code listener}; completes
     * once messages published from now on will be received.
     */
    Mono<Void> listen(Consumer<String> listener);

    /** Stops listening and unregisters this node's users. */
    @Override
    void close();
}
