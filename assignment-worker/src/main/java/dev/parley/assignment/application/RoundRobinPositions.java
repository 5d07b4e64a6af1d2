package dev.parley.assignment.application;

import java.util.UUID;

/**
 * Where each department's round-robin turn stands: the agent who got its last conversation. A lost
 * or stale position only makes a turn start at the wrong agent; it never breaks capacity or
 * ownership, which the conversation service enforces.
 */
public interface RoundRobinPositions {

    /** The department's last assignee, or {@code null} when none is known. */
    UUID last(UUID departmentId);

    void moved(UUID departmentId, UUID agentId);
}
