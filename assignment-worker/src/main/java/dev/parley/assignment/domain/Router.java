package dev.parley.assignment.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One strategy: who may take a conversation, and which of them does. */
public record Router(Eligibility eligibility, Ranking ranking) {

    /** The agent to offer {@code conversation} to, or empty when nobody may take it now. */
    public Optional<AgentSeat> choose(WaitingConversation conversation, Collection<AgentSeat> agents, Instant now,
                                      UUID lastAssigned) {
        List<AgentSeat> eligible = agents.stream()
                .filter(agent -> eligibility.allows(agent, conversation, now))
                .toList();
        return eligible.isEmpty() ? Optional.empty() : ranking.pick(eligible, lastAssigned);
    }
}
