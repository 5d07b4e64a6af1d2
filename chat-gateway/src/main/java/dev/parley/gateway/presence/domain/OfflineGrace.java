package dev.parley.gateway.presence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an agent's offline report falls due. After their last socket closes: one grace period
 * later. While a node holds a socket of theirs, it keeps pushing the due time beyond the
 * registration TTL plus the grace, so a node that crashes (and stops pushing) leads to the report
 * one grace period after its registration expired, with no node having seen a socket close.
 *
 * @param grace           how long an agent may be without sockets before being reported offline
 * @param registrationTtl how long a node's registration outlives its last renewal
 */
public record OfflineGrace(Duration grace, Duration registrationTtl) {

    public OfflineGrace {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(registrationTtl, "registrationTtl");
        if (grace.isNegative() || registrationTtl.isNegative() || registrationTtl.isZero()) {
            throw new IllegalArgumentException("grace must be >= 0 and registrationTtl > 0");
        }
    }

    /** Due time once the agent's last socket on a node closed at {@code closedAt}. */
    public Instant afterLastSocket(Instant closedAt) {
        return closedAt.plus(grace);
    }

    /** Due time while a node still holds a socket of the agent at {@code now}. */
    public Instant whileConnected(Instant now) {
        return now.plus(registrationTtl).plus(grace);
    }
}
