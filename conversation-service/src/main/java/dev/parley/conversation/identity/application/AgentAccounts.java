package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AgentCredentials;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Agents and their passwords, as authentication needs them. */
public interface AgentAccounts {

    /** The agent with this email, compared case-insensitively; empty if none. */
    Mono<AgentCredentials> findByEmail(String email);

    Mono<AgentCredentials> findById(UUID agentId);

    /** Replaces the agent's password hash (or sets the first one). */
    Mono<Void> setPasswordHash(UUID agentId, String passwordHash);

    /**
     * Creates an admin with this password unless an admin already exists or the email is taken;
     * atomic across instances starting together, so at most one first admin is ever created.
     *
     * @return the new admin's id; empty if nothing was created
     */
    Mono<UUID> createFirstAdmin(String email, String name, String passwordHash);
}
