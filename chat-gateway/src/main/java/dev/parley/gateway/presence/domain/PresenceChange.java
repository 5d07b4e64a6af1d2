package dev.parley.gateway.presence.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's presence as agents see it.
 *
 * @param userId     whose
 * @param online     connected to some gateway node
 * @param lastSeenAt when they were last connected: now while online; {@code null} if never seen
 */
public record PresenceChange(UUID userId, boolean online, Instant lastSeenAt) {

    public PresenceChange {
        Objects.requireNonNull(userId, "userId");
    }
}
