package dev.parley.assignment.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agent with the fewest open conversations; among equals, the one idle longest (oldest status
 * change), then the smallest id so the choice is deterministic.
 */
public final class LeastBusy implements Ranking {

    private static final Comparator<AgentSeat> ORDER = Comparator.comparingInt(AgentSeat::openCount)
            .thenComparing(AgentSeat::statusChangedAt)
            .thenComparing(AgentSeat::id);

    @Override
    public Optional<AgentSeat> pick(List<AgentSeat> eligible, UUID lastAssigned) {
        return eligible.stream().min(ORDER);
    }
}
