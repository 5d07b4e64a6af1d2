package dev.parley.conversation.directory.domain;

import dev.parley.conversation.identity.domain.Caller.AgentRole;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An agent of the support team, with the seats they hold out of their maximum. A deactivated
 * agent ({@code active} false) is OFFLINE, cannot sign in and gets no conversations.
 */
public record Agent(UUID id, String name, String email, AgentRole role, int maxConcurrent, AgentStatus status,
                    Instant statusChangedAt, int openCount, Set<UUID> departmentIds, boolean active) {

    public Agent {
        departmentIds = Set.copyOf(departmentIds);
    }
}
