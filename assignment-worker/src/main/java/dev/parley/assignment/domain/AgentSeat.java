package dev.parley.assignment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The worker's view of one agent: availability and seats. Only a hint — the conversation service
 * checks status and capacity again in the same statement that assigns.
 *
 * @param statusChangedAt when the agent last changed status; the longest-idle tie-break orders by it
 */
public record AgentSeat(UUID id, String status, int maxConcurrent, int openCount, Instant statusChangedAt,
                        Set<UUID> departmentIds) {

    public static final String ONLINE = "ONLINE";

    public AgentSeat {
        Objects.requireNonNull(id, "id");
        departmentIds = Set.copyOf(departmentIds);
        statusChangedAt = statusChangedAt == null ? Instant.EPOCH : statusChangedAt;
    }

    /** Only ONLINE agents take conversations; AWAY, BUSY and OFFLINE get nothing. */
    public boolean isOnline() {
        return ONLINE.equals(status);
    }

    public boolean hasFreeSeat() {
        return openCount < maxConcurrent;
    }

    public boolean serves(UUID departmentId) {
        return departmentIds.contains(departmentId);
    }

    /** The same agent after taking one more conversation. */
    public AgentSeat withOneMore() {
        return new AgentSeat(id, status, maxConcurrent, openCount + 1, statusChangedAt, departmentIds);
    }

    /** The same agent with no seat left, after the service said it is unavailable. */
    public AgentSeat full() {
        return new AgentSeat(id, status, maxConcurrent, maxConcurrent, statusChangedAt, departmentIds);
    }
}
