package dev.parley.gateway.presence.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Presence state shared by every gateway node (the node's own sockets are in the session table;
 * who is connected on which node is the {@code Routing} registry): when users were last seen, and
 * the agents whose offline report is pending. Memory adapter for the memory engine, Redis for the
 * cluster; both pass {@code PresenceContract}.
 *
 * <ul>
 *   <li><b>Last seen.</b> Once {@link #seen} completes, {@link #lastSeen} answers that instant (or
 *       a later one recorded since) on every node, across gateway restarts, for the retention the
 *       adapter was built with. Users never seen are absent from the answer.</li>
 *   <li><b>Pending offline.</b> {@link #schedule} sets when an agent's offline report falls due,
 *       replacing any earlier or later due time. {@link #due} lists agents due at an instant (at
 *       most {@code limit}, earliest first). {@link #claim} removes an agent that is still due and
 *       answers {@code true} to exactly one caller across all nodes, however many claim at once; a
 *       {@link #schedule} that lands before the claim makes the claim answer {@code false}.</li>
 *   <li><b>Failure.</b> A failed call promises nothing; callers log and retry on their next tick.</li>
 * </ul>
 */
public interface Presence {

    /** Records that the user was connected at {@code at}. */
    Mono<Void> seen(UUID userId, Instant at);

    /** When each user was last recorded; users never seen are absent. */
    Mono<Map<UUID, Instant>> lastSeen(Collection<UUID> users);

    /** The agent's offline report falls due at {@code due} (replaces the previous due time). */
    Mono<Void> schedule(UUID agentId, Instant due);

    /** Agents whose report is due at {@code now}, earliest first, at most {@code limit}. */
    Mono<List<UUID>> due(Instant now, int limit);

    /** Takes the agent's report if it is still due at {@code now}; {@code true} to exactly one caller. */
    Mono<Boolean> claim(UUID agentId, Instant now);
}
