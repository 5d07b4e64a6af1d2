package dev.parley.events.bus;

import java.time.Duration;

/**
 * How a consumer treats a failing handler: retry with exponential backoff, then dead-letter. A
 * partition waits while its head event is retried, which keeps key order; the bound keeps one bad
 * event from stopping a partition for good.
 *
 * @param maxHandlerAttempts attempts per event before it is dead-lettered (at least 1)
 * @param firstBackoff       wait before the second attempt; doubles each time
 * @param maxBackoff         longest wait between two attempts
 */
public record DeliverySettings(int maxHandlerAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** About a minute of retries in all: long enough to ride out a service restart. */
    public static final DeliverySettings DEFAULT =
            new DeliverySettings(10, Duration.ofMillis(200), Duration.ofSeconds(15));

    public DeliverySettings {
        if (maxHandlerAttempts < 1) {
            throw new IllegalArgumentException("maxHandlerAttempts must be at least 1");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= firstBackoff <= maxBackoff");
        }
    }
}
