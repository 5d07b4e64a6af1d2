package dev.parley.assignment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Picks one agent among the eligible ones. Pure: the same input always picks the same agent. */
@FunctionalInterface
public interface Ranking {

    /**
     * @param eligible     agents that may take the conversation, never empty when called by {@link Router}
     * @param lastAssigned the agent who got the department's previous conversation, or {@code null}
     */
    Optional<AgentSeat> pick(List<AgentSeat> eligible, UUID lastAssigned);
}
