package dev.parley.assignment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A conversation in a department's queue, as the conversation service lists it (FIFO, requeued first). */
public record WaitingConversation(UUID id, UUID departmentId, Instant queuedAt) {

    public WaitingConversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    public Duration waitedAt(Instant now) {
        Duration waited = Duration.between(queuedAt, now);
        return waited.isNegative() ? Duration.ZERO : waited;
    }
}
