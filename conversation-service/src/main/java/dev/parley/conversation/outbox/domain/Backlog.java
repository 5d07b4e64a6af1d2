package dev.parley.conversation.outbox.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What waits in the outbox: how many rows are unpublished and how old the oldest of them is
 * (zero when none waits). The age is what an operator alerts on: it grows during a broker outage
 * or when no relay leads, whatever the traffic.
 */
public record Backlog(long pendingRows, Duration oldestAge) {

    public static final Backlog EMPTY = new Backlog(0, Duration.ZERO);

    public Backlog {
        Objects.requireNonNull(oldestAge, "oldestAge");
        if (pendingRows < 0 || oldestAge.isNegative()) {
            throw new IllegalArgumentException("a backlog is never negative: " + pendingRows + ", " + oldestAge);
        }
    }
}
