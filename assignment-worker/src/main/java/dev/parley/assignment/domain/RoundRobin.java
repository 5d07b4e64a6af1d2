package dev.parley.assignment.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Agents take turns in id order: the first eligible agent after the one who got the department's
 * previous conversation, wrapping around. Where that position is kept is the caller's business.
 */
public final class RoundRobin implements Ranking {

    @Override
    public Optional<AgentSeat> pick(List<AgentSeat> eligible, UUID lastAssigned) {
        List<AgentSeat> ring = eligible.stream().sorted(Comparator.comparing(AgentSeat::id)).toList();
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        if (lastAssigned == null) {
            return Optional.of(ring.get(0));
        }
        return ring.stream().filter(agent -> agent.id().compareTo(lastAssigned) > 0).findFirst()
                .or(() -> Optional.of(ring.get(0)));
    }
}
