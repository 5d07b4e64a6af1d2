package dev.parley.assignment.application;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positions kept in this worker's memory. Each instance has its own turn and a restart starts the
 * turn over: good enough for one worker. A position shared by every instance (derived from the
 * conversation service's last assignment per department) is the planned replacement.
 */
public final class LocalRoundRobinPositions implements RoundRobinPositions {

    private final Map<UUID, UUID> last = new ConcurrentHashMap<>();

    @Override
    public UUID last(UUID departmentId) {
        return last.get(departmentId);
    }

    @Override
    public void moved(UUID departmentId, UUID agentId) {
        last.put(departmentId, agentId);
    }
}
