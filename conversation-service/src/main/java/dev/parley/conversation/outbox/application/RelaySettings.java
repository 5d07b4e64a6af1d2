package dev.parley.conversation.outbox.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How the relay works; defaults and their reasons are on {@code OutboxProperties}.
 *
 * @param batchSize        events read, published and removed per round
 * @param pollInterval     how often the leader looks for events without being notified
 * @param takeoverInterval how often a relay without the lease tries to take it
 * @param firstBackoff     wait before publishing again after the bus refused a batch; doubles per failure
 * @param maxBackoff       longest wait between two attempts
 * @param shutdownGrace    how long stopping waits for the batch in flight before abandoning it
 */
public record RelaySettings(int batchSize, Duration pollInterval, Duration takeoverInterval,
                            Duration firstBackoff, Duration maxBackoff, Duration shutdownGrace) {

    public RelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(takeoverInterval, "takeoverInterval");
        requirePositive(firstBackoff, "firstBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff " + maxBackoff + " is shorter than firstBackoff " + firstBackoff);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
