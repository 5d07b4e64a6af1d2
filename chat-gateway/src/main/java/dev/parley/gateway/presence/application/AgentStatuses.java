package dev.parley.gateway.presence.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * conversation-service's record of agents' availability, written as the gateway (a service).
 * Setting OFFLINE an agent who already is changes nothing there; an agent who was not OFFLINE
 * emits {@code agent.status_changed}, on which the assignment worker requeues their conversations.
 */
public interface AgentStatuses {

    /** Sets the agent OFFLINE; errors when conversation-service refused or could not be reached. */
    Mono<Void> reportOffline(UUID agentId);
}
