package dev.parley.gateway.presence.application;

import dev.parley.gateway.presence.domain.PresenceChange;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Carries presence changes to the nodes of the users they are for, node to node (Redis pub/sub in
 * the cluster), never through Kafka or PostgreSQL. At most once, best effort: a console that missed
 * one asks again with {@code presence.get}. Receiving nodes write it to agents' sockets only.
 */
public interface PresenceSignals {

    Mono<Void> send(PresenceChange change, Set<UUID> to);
}
