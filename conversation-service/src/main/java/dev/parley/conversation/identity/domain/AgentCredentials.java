package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An agent as login sees them: who they are and their password hash, if one was ever set. */
public record AgentCredentials(UUID agentId, Caller.AgentRole role, Optional<String> passwordHash) {

    public AgentCredentials {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public Caller.Agent asCaller() {
        return new Caller.Agent(agentId, role);
    }
}
