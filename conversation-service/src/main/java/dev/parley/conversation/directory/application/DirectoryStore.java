package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.Inbox;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Inboxes, departments and agents, as the conversation use cases need them. */
public interface DirectoryStore {

    Mono<Inbox> inbox(UUID inboxId);

    /** The inbox with this public key (the widget's {@code data-inbox}); empty if none has it. */
    Mono<Inbox> inboxByKey(String publicKey);

    Mono<Agent> agent(UUID agentId);

    Mono<Boolean> isInDepartment(UUID agentId, UUID departmentId);

    Mono<Boolean> departmentExists(UUID departmentId);

    /**
     * Sets the status and returns the previous one; empty when there is no such agent, or when a
     * deactivated agent is to be anything but OFFLINE.
     */
    Mono<AgentStatus> changeStatus(UUID agentId, AgentStatus status, Instant at);
}
