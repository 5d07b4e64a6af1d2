package dev.parley.gateway.limits.application;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of budget: every key (a user id, an address) gets its own token bucket of
 * {@code capacity} tokens, refilled steadily so that an empty bucket is full again after
 * {@code refillPeriod}.
 *
 * @param name         what is limited; distinguishes the buckets of different limits on one key
 * @param capacity     tokens a full bucket holds: the burst allowed at once
 * @param refillPeriod how long an empty bucket takes to refill completely
 */
public record Limit(String name, long capacity, Duration refillPeriod) {

    public Limit {
        Objects.requireNonNull(name, "name");
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive refill period");
        }
    }

    /** A limit of {@code perSecond} sustained with bursts of {@code burst}. */
    public static Limit perSecond(String name, double perSecond, double burst) {
        long capacity = Math.max(1, Math.round(burst));
        return new Limit(name, capacity, Duration.ofNanos(Math.round(capacity / perSecond * 1e9)));
    }
}
