package dev.parley.gateway.presence.application;

import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Who is told when a customer comes and goes: the agents taking part in their open conversations. */
public interface CustomerWatchers {

    /**
     * The agents of the customer's open conversations, read with the customer's own token (so the
     * answer is what conversation-service lets that customer see). Empty when there are none.
     */
    Mono<Set<UUID>> agentsOf(UUID customerId, String customerToken);
}
